#include "identity/users.hpp"

namespace finhelm::identity {
namespace {

using storage::Row;
using storage::Sql;

constexpr Sql kInsertUser =
    "INSERT INTO users (email, name, password_hash, password_changed_at, created_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr Sql kSelectUserByEmail =
    "SELECT id, email, name, password_hash, email_verified_at, password_changed_at, created_at "
    "FROM users WHERE email = ?";
constexpr Sql kSelectUserById =
    "SELECT id, email, name, password_hash, email_verified_at, password_changed_at, created_at "
    "FROM users WHERE id = ?";
constexpr Sql kMarkVerified =
    "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL";
constexpr Sql kStoreHash = "UPDATE users SET password_hash = ? WHERE id = ?";
constexpr Sql kStoreChangedHash =
    "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?";
constexpr Sql kAnyUser = "SELECT id FROM users LIMIT 1";

User UserFromRow(const Row& row) {
  return User{UserId{row.Int(0)}, row.Text(1), row.Text(2), row.Text(3),
              row.OptionalInt(4), row.Int(5),  row.Int(6)};
}

Result<std::optional<User>> FindOne(storage::Connection& connection, const Sql& sql,
                                    storage::Value key) {
  auto row = connection.QueryOptional(sql, {std::move(key)});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<User>();
  return std::optional<User>(UserFromRow(**row));
}

}  // namespace

Result<UserId> CreateUser(storage::Connection& connection, const NewUser& user,
                          const Clock& clock) {
  std::int64_t now = clock.NowUnixSeconds();
  auto row =
      connection.QueryOptional(kInsertUser, {user.email, user.name, user.password_hash, now, now});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kInternal, "insert returned no id");
  return UserId{(*row)->Int(0)};
}

Result<std::optional<User>> FindUserByEmail(storage::Connection& connection,
                                            std::string_view normalized_email) {
  return FindOne(connection, kSelectUserByEmail, normalized_email);
}

Result<std::optional<User>> FindUserById(storage::Connection& connection, UserId id) {
  return FindOne(connection, kSelectUserById, id.value);
}

Status MarkEmailVerified(storage::Connection& connection, UserId id, const Clock& clock) {
  auto changed = connection.Execute(kMarkVerified, {clock.NowUnixSeconds(), id.value});
  if (!changed.ok()) return changed.error();
  return Status::Ok();
}

Status StorePasswordHash(storage::Connection& connection, UserId id, std::string_view phc,
                         bool changed, const Clock& clock) {
  auto updated =
      changed ? connection.Execute(kStoreChangedHash, {phc, clock.NowUnixSeconds(), id.value})
              : connection.Execute(kStoreHash, {phc, id.value});
  if (!updated.ok()) return updated.error();
  if (*updated != 1) return MakeError(ErrorCode::kNotFound, "no such user");
  return Status::Ok();
}

Result<bool> NoUsersYet(storage::Connection& connection) {
  auto row = connection.QueryOptional(kAnyUser);
  if (!row.ok()) return row.error();
  return !row->has_value();
}

}  // namespace finhelm::identity
