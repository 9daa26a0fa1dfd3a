#include "jobs/job.hpp"

#include <string>

namespace finhelm::jobs {

std::string_view JobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued:
      return "queued";
    case JobStatus::kRunning:
      return "running";
    case JobStatus::kSucceeded:
      return "succeeded";
    case JobStatus::kDead:
      return "dead";
  }
  return "queued";
}

Result<JobStatus> ParseJobStatus(std::string_view name) {
  for (JobStatus status :
       {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kSucceeded, JobStatus::kDead}) {
    if (JobStatusName(status) == name) return status;
  }
  return MakeError(ErrorCode::kDataLoss, "unknown job status: " + std::string(name));
}

}  // namespace finhelm::jobs
