#include "identity/signing_key_rotation.hpp"

#include <nlohmann/json.hpp>

#include "identity/account_mail.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::identity {

std::string EncodeSigningKeyRotation(const SigningKeyRotation& rotation) {
  return nlohmann::json{{"period_seconds", rotation.period_seconds}}.dump();
}

Result<SigningKeyRotation> DecodeSigningKeyRotation(std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("period_seconds") ||
      !parsed["period_seconds"].is_number_integer() ||
      parsed["period_seconds"].get<std::int64_t>() <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "expected {period_seconds: positive integer}");
  }
  return SigningKeyRotation{parsed["period_seconds"].get<std::int64_t>()};
}

Status RegisterSigningKeyRotationJob(jobs::JobRegistry& registry, SigningKeys& keys) {
  return registry.Register<SigningKeyRotation>(
      kSigningKeyRotationJob,
      [&keys](jobs::JobContext& context, const SigningKeyRotation& rotation) -> Status {
        auto rotated = keys.RotateIfOlderThan(std::chrono::seconds(rotation.period_seconds));
        if (!rotated.ok()) return rotated.error();
        auto purged = keys.PurgeExpired();
        if (!purged.ok()) return purged.error();
        if (*rotated || *purged > 0) {
          log::Info("signing_keys_maintained", {{"rotated", *rotated}, {"purged", *purged}});
        }
        return context.Complete({});
      });
}

Status ScheduleSigningKeyRotation(storage::Database& database, jobs::JobQueue& queue,
                                  const Clock& clock, std::chrono::seconds period) {
  auto connection = database.Acquire();
  if (!connection.ok()) return connection.error();
  storage::OrgScope installation(**connection, kInstallationOrganization);
  jobs::EnqueueOptions options;
  options.idempotency_key = "hour:" + std::to_string(clock.NowUnixSeconds() / 3600);
  auto queued = queue.Enqueue(installation, kSigningKeyRotationJob,
                              SigningKeyRotation{period.count()}, options);
  if (!queued.ok()) return queued.error();
  return Status::Ok();
}

}  // namespace finhelm::identity
