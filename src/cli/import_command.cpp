// `finhelm import FILE --org ID` and `finhelm demo load|export`: the import pipeline from
// the shell. The file passes the upload checks of IN-5 (name, libmagic, encoding, clamd
// when configured), is recorded as an import of the organization, and is validated and
// written in this process, with a progress bar on standard error; the import report is
// the same one the web app shows. Audited with the actor "operator".
#include <unistd.h>

#include <ctime>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "audit/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "core/calendar_date.hpp"
#include "core/clock.hpp"
#include "demo/demo_loader.hpp"
#include "imports/import_options.hpp"
#include "imports/import_records.hpp"
#include "imports/ledger_import.hpp"
#include "imports/malware_scanner.hpp"
#include "imports/upload_checks.hpp"
#include "imports/upload_store.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"

namespace finhelm::cli {
namespace {

constexpr storage::Sql kSelectCurrency{"SELECT currency FROM organizations WHERE id = ?"};

int Fail(const std::string& message) {
  std::fprintf(stderr, "finhelm: %s\n", message.c_str());
  return kExitFailure;
}

// Draws `[#####.....]  50% reading` in place on a terminal, a line per 10 % otherwise.
class ProgressBar {
 public:
  ProgressBar() : terminal_(::isatty(STDERR_FILENO) != 0) {}
  ~ProgressBar() {
    if (terminal_ && drawn_) std::fputc('\n', stderr);
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Show(int percent, std::string_view message) {
    if (!terminal_ && percent < last_ + 10 && percent != 100) return;
    last_ = percent;
    constexpr int kWidth = 30;
    std::string bar(static_cast<std::size_t>(kWidth * percent / 100), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, terminal_ ? "\r[%s] %3d%% %-12.*s" : "[%s] %3d%% %.*s\n", bar.c_str(),
                 percent, static_cast<int>(message.size()), message.data());
    std::fflush(stderr);
    drawn_ = true;
  }

 private:
  bool terminal_;
  bool drawn_ = false;
  int last_ = -10;
};

void PrintReport(std::int64_t import_id, std::string_view status,
                 const imports::ImportReport& report) {
  std::printf(
      "import %lld %s: %lld rows read, %lld new, %lld duplicate, %lld rejected, "
      "%lld skipped; %lld new transactions\n",
      static_cast<long long>(import_id), std::string(status).c_str(),
      static_cast<long long>(report.rows_read), static_cast<long long>(report.rows_new),
      static_cast<long long>(report.rows_duplicate), static_cast<long long>(report.rows_rejected),
      static_cast<long long>(report.rows_skipped), static_cast<long long>(report.transactions_new));
  if (!report.file_problem.empty()) std::printf("  %s\n", report.file_problem.c_str());
  for (const imports::RowRejection& rejection : report.rejections) {
    std::printf("  line %lld: %s\n", static_cast<long long>(rejection.line),
                rejection.reason.c_str());
  }
}

struct ImportRequest {
  std::int64_t organization = 0;
  std::string file_name;
  std::string content;
  imports::ImportOptions options;
};

int RunImport(Installation& installation, const ImportRequest& request) {
  SystemClock clock;
  auto encoding = imports::CheckUploadContent(request.content);
  if (!encoding.ok()) return Fail("refused: " + encoding.error().message);
  if (installation.config.clamd_socket) {
    imports::ClamdScanner scanner(*installation.config.clamd_socket);
    auto verdict = scanner.Scan(request.content);
    if (!verdict.ok())
      return Fail("refused: the scanner is unavailable: " + verdict.error().message);
    if (!verdict->clean)
      return Fail("refused: the file holds malware (" + verdict->signature + ")");
  } else if (installation.config.profile == config::Profile::kProduction) {
    return Fail("refused: no clamd socket is configured (IN-5)");
  }
  auto connection = installation.database->Acquire();
  if (!connection.ok()) return Fail(connection.error().message);
  const OrganizationId organization{request.organization};
  auto found = storage::FindOrganization(**connection, organization);
  if (!found.ok()) return Fail(found.error().message);
  if (!*found) return Fail("no organization " + std::to_string(request.organization));
  auto currency_row = (*connection)->QueryOptional(kSelectCurrency, {organization.value});
  if (!currency_row.ok() || !*currency_row) return Fail("the organization has no currency");
  auto currency = CurrencyCode::Parse((*currency_row)->Text(0));
  if (!currency.ok()) return Fail(currency.error().message);

  imports::UploadStore uploads(std::filesystem::path(installation.config.data_dir) / "uploads");
  auto stored = uploads.Save(request.content);
  if (!stored.ok()) return Fail(stored.error().message);
  storage::OrgScope scope(**connection, organization);
  imports::NewImport record;
  record.file_name = request.file_name;
  record.upload = *stored;
  record.encoding = *encoding;
  record.options_json = imports::EncodeImportOptions(request.options);
  record.created_at = clock.NowUnixSeconds();
  auto import_id = imports::InsertImport(scope, record);
  if (!import_id.ok()) {
    (void)uploads.Remove(stored->stored_name);
    return Fail(import_id.error().message);
  }
  (void)imports::MarkImportRunning(scope, *import_id);
  auto path = uploads.PathOf(stored->stored_name);
  imports::ImportSource source{*path, *encoding,
                               imports::ToReadOptions(request.options, *currency)};

  ProgressBar bar;
  auto validated = imports::ValidateImport(source, scope, [&](int percent, std::string_view what) {
    bar.Show(percent, what);
    return Status::Ok();
  });
  Result<imports::ImportReport> outcome = validated;
  std::string status = "rejected";
  if (validated.ok() && validated->clean()) {
    bar.Show(90, "committing");
    auto transaction = storage::Transaction::Begin(**connection);
    if (!transaction.ok()) return Fail(transaction.error().message);
    outcome = imports::WriteImport(source, scope, *validated, *import_id, clock.NowUnixSeconds());
    if (outcome.ok() && outcome->clean()) {
      status = "committed";
      Status saved =
          imports::SaveImportReport(scope, *import_id, status, *outcome, clock.NowUnixSeconds());
      if (saved.ok()) saved = transaction->Commit();
      if (!saved.ok()) outcome = saved.error();
    }
  }
  (void)uploads.Remove(stored->stored_name);
  if (!outcome.ok()) {
    imports::ImportReport failed;
    failed.file_problem = "the import failed; it can be run again";
    (void)imports::SaveImportReport(scope, *import_id, "failed", failed, clock.NowUnixSeconds());
    return Fail(outcome.error().message);
  }
  if (status != "committed") {
    (void)imports::SaveImportReport(scope, *import_id, status, *outcome, clock.NowUnixSeconds());
  }
  bar.Show(100, "done");
  const std::string details =
      nlohmann::json{{"file_sha256", stored->sha256}, {"status", status}}.dump();
  (void)audit::Record(**connection, clock,
                      {organization, "import_created", "operator",
                       "import:" + std::to_string(*import_id), "", "", details});
  PrintReport(*import_id, status, *outcome);
  return status == "committed" ? kExitOk : kExitFailure;
}

}  // namespace

int ImportFile(const CommonOptions& options, const ImportFileOptions& file) {
  auto name = imports::CheckUploadFileName(std::filesystem::path(file.path).filename().string());
  if (!name.ok()) return Fail("refused: " + name.error().message);
  int exit_status = kExitOk;
  auto installation = OpenInstallation(options, exit_status);
  if (!installation) return exit_status;
  std::error_code error;
  const auto size = std::filesystem::file_size(file.path, error);
  if (error) return Fail(file.path + ": " + error.message());
  if (size > installation->config.upload_body_limit) {
    return Fail("refused: the file is larger than the upload limit (limits.upload_body_bytes)");
  }
  std::ifstream in(file.path, std::ios::binary);
  ImportRequest request;
  request.organization = file.organization;
  request.file_name = *name;
  request.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (file.options_json) {
    auto parsed = imports::ParseImportOptions(*file.options_json);
    if (!parsed.ok()) return Fail("--options: " + parsed.error().message);
    request.options = std::move(*parsed);
  }
  return RunImport(*installation, request);
}

int DemoLoad(const CommonOptions& options, std::int64_t organization) {
  int exit_status = kExitOk;
  auto installation = OpenInstallation(options, exit_status);
  if (!installation) return exit_status;
  SystemClock clock;
  const auto now = static_cast<std::time_t>(clock.NowUnixSeconds());
  std::tm utc{};
  gmtime_r(&now, &utc);
  auto last_day = CalendarDate::FromParts(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
  if (!last_day.ok()) return Fail(last_day.error().message);
  auto csv = demo::DemoGeneralLedgerCsv(*last_day);
  if (!csv.ok()) return Fail(csv.error().message);
  ImportRequest request;
  request.organization = organization;
  request.file_name = "harbor-and-pine-general-ledger.csv";
  request.content = std::move(*csv);
  return RunImport(*installation, request);
}

int DemoExport(const std::string& path, const std::optional<std::string>& last_day) {
  auto day = last_day ? CalendarDate::ParseIso(*last_day) : CalendarDate::FromParts(2026, 12, 31);
  if (!day.ok()) return Fail("--last-day: expected YYYY-MM-DD");
  auto csv = demo::DemoGeneralLedgerCsv(*day);
  if (!csv.ok()) return Fail(csv.error().message);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << *csv;
  out.close();
  if (!out) return Fail("cannot write " + path);
  std::printf("wrote %s (%zu bytes)\n", path.c_str(), csv->size());
  return kExitOk;
}

}  // namespace finhelm::cli
