// Deleting uploads that no import will process (DATA-6: uploads are kept 0 days).
//
// An import deletes its file when it ends. A file can still be left behind: its
// organization was deleted while the import waited (its job went with it), or a process
// died between storing a file and recording its import. The sweep deletes every file in
// the upload directory older than `min_age` whose import is not queued or running; the
// age keeps it away from a file an upload is recording right now.
#pragma once

#include <chrono>
#include <cstdint>

#include "core/result.hpp"
#include "imports/upload_store.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::imports {

// Returns how many files it deleted.
Result<std::int64_t> SweepOrphanUploads(storage::Database& database, const UploadStore& uploads,
                                        std::chrono::seconds min_age = std::chrono::hours(1));

}  // namespace finhelm::imports
