#include "jobs/job_registry.hpp"

namespace finhelm::jobs {

Status JobRegistry::Register(std::string kind, JobHandler handler) {
  if (kind.empty() || !handler) {
    return MakeError(ErrorCode::kInvalidArgument, "a job kind needs a name and a handler");
  }
  auto [it, inserted] = handlers_.emplace(std::move(kind), std::move(handler));
  if (!inserted) return MakeError(ErrorCode::kConflict, "job kind registered twice: " + it->first);
  return Status::Ok();
}

const JobHandler* JobRegistry::Find(std::string_view kind) const {
  auto it = handlers_.find(kind);
  return it == handlers_.end() ? nullptr : &it->second;
}

}  // namespace finhelm::jobs
