// PostgresConnection: Connection over libpq. Internal to storage.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/connection.hpp"

struct pg_conn;

namespace finhelm::storage::internal {

class PostgresConnection final : public Connection {
 public:
  // Connects with a libpq URL (`postgresql://user@host:port/db?...`). Settings given in
  // the URL win over FinHelm's defaults (a 5 s connect timeout). Fails with kUnavailable
  // when the server cannot be reached.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool ReusableNow() override;

 protected:
  Result<StatementResult> RunStatement(std::string_view sql,
                                       std::span<const Value* const> params) override;
  Status RunScript(std::string_view sql) override;

 private:
  struct Closer {
    void operator()(pg_conn* connection) const;
  };
  explicit PostgresConnection(std::unique_ptr<pg_conn, Closer> connection)
      : connection_(std::move(connection)) {}

  std::unique_ptr<pg_conn, Closer> connection_;
};

}  // namespace finhelm::storage::internal
