// Queueing a checked file for import: storing it (upload_store.hpp), recording it
// (import_records.hpp) and enqueueing its job (import_job.hpp), all or nothing. The
// upload route, the first-run demo company and `finhelm demo load` all come through here,
// so that every file reaches the ledger by the same pipeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "imports/import_options.hpp"
#include "imports/text_encoding.hpp"
#include "imports/upload_store.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::imports {

struct QueuedFile {
  std::string file_name;
  std::string_view content;  // already through the upload checks
  TextEncoding encoding = TextEncoding::kUtf8;
  ImportOptions options;
  std::optional<std::int64_t> created_by;
  // For a bank statement: its header's signature, to save the mapping under.
  std::optional<std::string> mapping_signature;
};

struct QueuedImport {
  std::int64_t id = 0;
  StoredUpload upload;
};

// Must not run inside a transaction on the scope's connection: it opens its own.
Result<QueuedImport> QueueImport(storage::OrgScope& scope, const UploadStore& uploads,
                                 const Clock& clock, const QueuedFile& file);

}  // namespace finhelm::imports
