#include "imports/import_queue.hpp"

#include "imports/import_job.hpp"
#include "imports/import_records.hpp"
#include "jobs/job_queue.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::imports {
namespace {

Result<std::int64_t> Record(storage::OrgScope& scope, const Clock& clock, const QueuedFile& file,
                            const StoredUpload& stored) {
  auto transaction = storage::Transaction::Begin(scope.connection());
  if (!transaction.ok()) return transaction.error();
  auto duplicate_of = FindCommittedImportOf(scope, stored.sha256);
  if (!duplicate_of.ok()) return duplicate_of.error();
  NewImport import;
  import.created_by = file.created_by;
  import.file_name = file.file_name;
  import.upload = stored;
  import.encoding = file.encoding;
  import.options_json = EncodeImportOptions(file.options);
  import.duplicate_of = *duplicate_of;
  import.created_at = clock.NowUnixSeconds();
  auto id = InsertImport(scope, import);
  if (!id.ok()) return id.error();
  jobs::JobQueue queue(clock);
  auto job = queue.Enqueue(scope, kImportJob, ImportJobPayload{*id});
  if (!job.ok()) return job.error();
  if (Status linked = SetImportJob(scope, *id, job->id.value); !linked.ok()) return linked.error();
  if (file.mapping_signature && file.options.mapping) {
    Status saved =
        SaveBankMapping(scope, *file.mapping_signature, *file.options.mapping, import.created_at);
    if (!saved.ok()) return saved.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return *id;
}

}  // namespace

Result<QueuedImport> QueueImport(storage::OrgScope& scope, const UploadStore& uploads,
                                 const Clock& clock, const QueuedFile& file) {
  auto stored = uploads.Save(file.content);
  if (!stored.ok()) return stored.error();
  auto id = Record(scope, clock, file, *stored);
  if (!id.ok()) {
    (void)uploads.Remove(stored->stored_name);
    return id.error();
  }
  return QueuedImport{*id, std::move(*stored)};
}

}  // namespace finhelm::imports
