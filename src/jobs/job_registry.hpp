// JobRegistry: which handler runs which kind of job.
//
// Handlers are registered at start-up, before any JobRunner starts; afterwards the
// registry is only read, from every worker thread at once.
//
// A handler returns Ok when the job is done, or an Error: kInvalidArgument means the
// job can never succeed (a payload that does not parse) and sends it to the dead letters
// at once; any other error retries it after a backoff until max_attempts.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"
#include "jobs/job_context.hpp"

namespace finhelm::jobs {

using JobHandler = std::function<Status(JobContext&)>;

// A kind of job with a typed payload: its stored name and its JSON codec. Declared once,
// beside the handler, and used both to enqueue and to register:
//   inline constexpr JobKind<ImportRequest> kImportJob{"import.csv", EncodeImport,
//                                                      DecodeImport};
template <typename Payload>
struct JobKind {
  std::string_view name;
  std::string (*encode)(const Payload&);
  Result<Payload> (*decode)(std::string_view json);
};

class JobRegistry {
 public:
  // Fails with kConflict when `kind` already has a handler.
  Status Register(std::string kind, JobHandler handler);

  // Decodes the payload before calling `handler`; a payload that does not decode fails
  // the job with kInvalidArgument.
  template <typename Payload>
  Status Register(const JobKind<Payload>& kind,
                  std::function<Status(JobContext&, const Payload&)> handler) {
    return Register(std::string(kind.name),
                    [kind, typed = std::move(handler)](JobContext& context) -> Status {
                      auto payload = kind.decode(context.payload());
                      if (!payload.ok()) {
                        return MakeError(ErrorCode::kInvalidArgument,
                                         "payload does not decode: " + payload.error().message);
                      }
                      return typed(context, *payload);
                    });
  }

  // nullptr when no handler is registered for `kind`.
  const JobHandler* Find(std::string_view kind) const;

 private:
  std::map<std::string, JobHandler, std::less<>> handlers_;
};

}  // namespace finhelm::jobs
