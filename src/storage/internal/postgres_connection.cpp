#include "storage/internal/postgres_connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <string>
#include <utility>
#include <vector>

namespace finhelm::storage::internal {
namespace {

// Type OIDs from PostgreSQL's catalog; stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;

struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

ErrorCode MapSqlState(std::string_view state) {
  if (state == "23505" || state == "23503") return ErrorCode::kConflict;
  if (state.starts_with("23") || state.starts_with("22")) return ErrorCode::kInvalidArgument;
  if (state == "40001" || state == "40P01" || state == "55P03" || state.starts_with("08") ||
      state.starts_with("57P")) {
    return ErrorCode::kUnavailable;
  }
  if (state.starts_with("53")) return ErrorCode::kResourceExhausted;
  if (state == "XX001" || state == "XX002") return ErrorCode::kDataLoss;
  return ErrorCode::kInternal;
}

Error ErrorFrom(PGconn* connection, const PGresult* result) {
  if (result == nullptr || PQstatus(connection) != CONNECTION_OK) {
    return MakeError(ErrorCode::kUnavailable,
                     std::string("postgresql: ") + PQerrorMessage(connection));
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string_view code = state == nullptr ? "" : state;
  // Only the primary message: the DETAIL field can quote the conflicting values.
  return MakeError(MapSqlState(code),
                   "postgresql: " + std::string(primary == nullptr ? "error" : primary) + " (" +
                       std::string(code) + ")");
}

Value ReadCell(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column) != 0) return Value();
  const char* text = PQgetvalue(result, row, column);
  auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
  switch (PQftype(result, column)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t number = 0;
      std::from_chars(text, text + length, number);
      return Value(number);
    }
    case kBoolOid:
      return Value(text[0] == 't' ? 1 : 0);
    case kByteaOid: {
      std::size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (bytes == nullptr) return Value(Blob());
      Blob blob(bytes, bytes + size);
      PQfreemem(bytes);
      return Value(std::move(blob));
    }
    default:
      return Value(std::string(text, length));
  }
}

void IgnoreNotice(void* /*arg*/, const char* /*message*/) {
  // Notices such as "relation already exists, skipping" are expected and not events.
}

}  // namespace

void PostgresConnection::Closer::operator()(pg_conn* connection) const { PQfinish(connection); }

Result<std::unique_ptr<Connection>> PostgresConnection::Open(const std::string& url) {
  // Defaults come first: libpq lets later entries, here those expanded from the URL, win.
  const char* const keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* const values[] = {"5", "finhelm", url.c_str(), nullptr};
  std::unique_ptr<pg_conn, Closer> connection(PQconnectdbParams(keywords, values, 1));
  if (!connection) return MakeError(ErrorCode::kResourceExhausted, "libpq: out of memory");
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return MakeError(ErrorCode::kUnavailable,
                     std::string("postgresql connect failed: ") + PQerrorMessage(connection.get()));
  }
  PQsetNoticeProcessor(connection.get(), IgnoreNotice, nullptr);
  return std::unique_ptr<Connection>(new PostgresConnection(std::move(connection)));
}

bool PostgresConnection::ReusableNow() {
  return PQstatus(connection_.get()) == CONNECTION_OK &&
         PQtransactionStatus(connection_.get()) == PQTRANS_IDLE;
}

Result<StatementResult> PostgresConnection::RunStatement(std::string_view sql,
                                                         std::span<const Value* const> params) {
  const std::size_t count = params.size();
  std::vector<Oid> types(count, 0);
  std::vector<const char*> values(count, nullptr);
  std::vector<int> lengths(count, 0);
  std::vector<int> formats(count, 0);
  std::vector<std::string> numbers(count);  // sized up front: pointers into it stay valid
  for (std::size_t i = 0; i < count; ++i) {
    const Value& value = *params[i];
    switch (value.type()) {
      case Value::Type::kNull:
        break;
      case Value::Type::kInt:
        types[i] = kInt8Oid;
        numbers[i] = std::to_string(value.AsInt());
        values[i] = numbers[i].c_str();
        break;
      case Value::Type::kText:  // type left to the server, inferred from the context
        values[i] = value.AsText().c_str();
        break;
      case Value::Type::kBlob:
        types[i] = kByteaOid;
        // A null pointer would mean NULL; an empty blob still needs a non-null one.
        values[i] =
            value.AsBlob().empty() ? "" : reinterpret_cast<const char*>(value.AsBlob().data());
        lengths[i] = static_cast<int>(value.AsBlob().size());
        formats[i] = 1;  // binary: bytes pass unescaped
        break;
    }
  }
  std::string text(sql);
  ResultHandle result(PQexecParams(connection_.get(), text.c_str(), static_cast<int>(count),
                                   types.data(), values.data(), lengths.data(), formats.data(), 0));
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ErrorFrom(connection_.get(), result.get());
  }

  StatementResult out;
  const int rows = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    std::vector<Value> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      cells.push_back(ReadCell(result.get(), row, column));
    }
    out.rows.emplace_back(std::move(cells));
  }
  std::string_view affected = PQcmdTuples(result.get());
  std::from_chars(affected.data(), affected.data() + affected.size(), out.affected_rows);
  return out;
}

Status PostgresConnection::RunScript(std::string_view sql) {
  std::string text(sql);
  ResultHandle result(PQexec(connection_.get(), text.c_str()));
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ErrorFrom(connection_.get(), result.get());
  }
  return Status::Ok();
}

}  // namespace finhelm::storage::internal
