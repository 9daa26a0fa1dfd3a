// The durable job that imports one uploaded file (SPEC section 3: long work is a job).
//
// Exactly once in effect: the ledger rows, the report and the job's completion commit in
// one transaction (JobContext::Complete), so a worker killed mid-import leaves nothing
// behind, and the retry after the lease expires starts from the file again. The file is
// deleted once the import has a final status (IN-5).
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "imports/upload_store.hpp"
#include "jobs/job_registry.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::imports {

struct ImportJobPayload {
  std::int64_t import_id = 0;
};

std::string EncodeImportJob(const ImportJobPayload& payload);
Result<ImportJobPayload> DecodeImportJob(std::string_view json);

inline constexpr jobs::JobKind<ImportJobPayload> kImportJob{"import.csv", EncodeImportJob,
                                                            DecodeImportJob};

Status RegisterImportJob(jobs::JobRegistry& registry, storage::Database& database,
                         const Clock& clock, UploadStore uploads);

}  // namespace finhelm::imports
