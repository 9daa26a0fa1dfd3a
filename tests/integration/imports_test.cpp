// Imports through the real server and a real clamd (IN-5, IN-7, SPEC capability 3): a
// QuickBooks export uploaded, imported by the durable job, read back through the ledger
// and report routes and exported; every upload check refusing what it must; a file with
// a broken row committing nothing; a double import adding nothing; another organization
// seeing nothing; and a server killed in the middle of an import losing nothing and
// doubling nothing after its restart.
#include <gtest/gtest.h>

#include <csignal>
#include <sstream>

#include "clamd_process.hpp"
#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"
#include "identity_fixture.hpp"

namespace finhelm::integration {
namespace {

constexpr std::string_view kBoundary = "finhelm-test-boundary-7f3a";

struct Part {
  std::string name;
  std::optional<std::string> filename;
  std::string content;
};

std::string MultipartBody(const std::vector<Part>& parts) {
  std::string body;
  for (const Part& part : parts) {
    body += "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" +
            part.name + "\"";
    if (part.filename) body += "; filename=\"" + *part.filename + "\"";
    body += "\r\n";
    if (part.filename) body += "Content-Type: text/csv\r\n";
    body += "\r\n" + part.content + "\r\n";
  }
  return body + "--" + std::string(kBoundary) + "--\r\n";
}

std::string DemoCsv(int copies = 1) {
  demo::DemoOptions options;
  options.last_day = *CalendarDate::FromParts(2026, 6, 30);
  auto ledger = demo::GenerateDemoCompany(options);
  EXPECT_TRUE(ledger.ok());
  // Copies with their own document numbers make a bigger, still balanced, ledger.
  const std::vector<demo::DemoTransaction> original = ledger->transactions;
  for (int copy = 1; copy < copies; ++copy) {
    for (demo::DemoTransaction transaction : original) {
      transaction.num += "-" + std::to_string(copy);
      ledger->transactions.push_back(std::move(transaction));
    }
  }
  std::stable_sort(ledger->transactions.begin(), ledger->transactions.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  std::ostringstream out;
  EXPECT_TRUE(demo::WriteGeneralLedgerCsv(*ledger, out).ok());
  return out.str();
}

class ImportsTest : public Identity {
 protected:
  // One clamd for the suite: it takes a second to load its signatures.
  static std::unique_ptr<ClamdProcess>& Clamd() {
    static std::unique_ptr<ClamdProcess> clamd;
    return clamd;
  }
  static void SetUpTestSuite() {
    auto clamd = ClamdProcess::Start();
    ASSERT_TRUE(clamd.ok()) << clamd.error().message;
    Clamd() = std::move(*clamd);
  }
  static void TearDownTestSuite() { Clamd().reset(); }

  void Configure(ServerConfig& config) override {
    config.environment["FINHELM_CLAMD_SOCKET"] = Clamd()->socket().string();
    config.environment["FINHELM_JOB_LEASE_SECONDS"] = "3";
  }

  void SetUp() override {
    Identity::SetUp();
    if (HasFatalFailure()) return;
    RegisterAndVerify("accountant@example.com");
    user_ = Login("accountant@example.com");
    org_ = json::parse(Post("/v1/orgs", {{"name", "Harbor"}}, user_).body)["id"];
  }

  std::string OrgPath(std::string_view rest) const {
    return "/v1/orgs/" + std::to_string(org_) + std::string(rest);
  }

  HttpResponse Upload(const std::vector<Part>& parts, std::string_view path = "/imports",
                      const Client* as = nullptr) {
    const std::string body = MultipartBody(parts);
    std::string request = "POST " + OrgPath(path) +
                          " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                          "boundary=" +
                          std::string(kBoundary) +
                          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
                          Headers(as ? *as : user_) + "\r\n" + body;
    return Fetch(*server_, request);
  }

  HttpResponse UploadCsv(std::string content, std::string name = "ledger.csv",
                         std::optional<std::string> options = std::nullopt) {
    std::vector<Part> parts = {{"file", std::move(name), std::move(content)}};
    if (options) parts.push_back({"options", std::nullopt, *options});
    return Upload(parts);
  }

  // Polls the import until it is no longer queued or running.
  json AwaitImport(std::int64_t id, std::chrono::seconds limit = std::chrono::seconds(60)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    json import;
    while (std::chrono::steady_clock::now() < deadline) {
      import =
          json::parse(Get(OrgPath("/imports/" + std::to_string(id)), user_).body, nullptr, false);
      const std::string status = import.value("status", "");
      if (status != "queued" && status != "running") return import;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "import " << id << " did not finish: " << import.dump();
    return import;
  }

  std::int64_t TransactionCount() {
    std::int64_t count = 0;
    std::string cursor;
    for (;;) {
      json page = json::parse(
          Get(OrgPath("/transactions?limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor)),
              user_)
              .body);
      count += static_cast<std::int64_t>(page["transactions"].size());
      if (page["next_cursor"].is_null()) return count;
      cursor = page["next_cursor"];
    }
  }

  std::size_t UploadsLeft() {
    std::error_code error;
    std::size_t files = 0;
    for (const auto& entry :
         fs::directory_iterator(server_->directory() / "data" / "uploads", error)) {
      (void)entry;
      ++files;
    }
    return files;
  }

  Client user_;
  std::int64_t org_ = 0;
};

TEST_F(ImportsTest, AQuickBooksExportIsImportedReadAndExported) {
  HttpResponse accepted = UploadCsv(DemoCsv());
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  json created = json::parse(accepted.body);
  EXPECT_EQ(created["format"], "quickbooks-general-ledger");
  EXPECT_EQ(accepted.Header("Location"),
            OrgPath("/imports/" + std::to_string(created["id"].get<int>())));
  json import = AwaitImport(created["id"]);
  ASSERT_EQ(import["status"], "committed") << import.dump();
  EXPECT_GT(import["rows"]["new"].get<int>(), 5000);
  EXPECT_EQ(import["rows"]["rejected"], 0);
  EXPECT_EQ(import["progress"]["percent"], 100);
  EXPECT_EQ(UploadsLeft(), 0u);  // Deleted once processed (IN-5).

  json sheet = json::parse(Get(OrgPath("/reports/balance-sheet?as_of=2026-06-30"), user_).body);
  std::map<std::string, std::string> totals;
  for (const json& summary : sheet["summaries"]) totals[summary["key"]] = summary["total"];
  EXPECT_EQ(totals["total_assets"], totals["total_liabilities_and_equity"]);
  EXPECT_NE(totals["total_assets"], "0.00");

  json page = json::parse(Get(OrgPath("/transactions?limit=5&q=rent"), user_).body);
  ASSERT_EQ(page["transactions"].size(), 5u);
  const std::int64_t id = page["transactions"][0]["id"];
  json detail = json::parse(Get(OrgPath("/transactions/" + std::to_string(id)), user_).body);
  EXPECT_GE(detail["lines"].size(), 2u);
  EXPECT_EQ(detail["import_id"], created["id"]);
  EXPECT_GT(detail["lines"][0]["source_line"].get<int>(), 5);

  HttpResponse csv = Get(OrgPath("/exports/transactions.csv?from=2026-01-01&q=rent"), user_);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("Content-Disposition"), "attachment; filename=\"transactions.csv\"");
  EXPECT_TRUE(
      csv.body.starts_with("Date,Transaction ID,Type,Num,Name,Account,Memo,Debit,Credit\r\n"));
  EXPECT_GT(std::count(csv.body.begin(), csv.body.end(), '\n'), 10);
  HttpResponse xlsx = Get(OrgPath("/exports/transactions.xlsx?from=2026-01-01"), user_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));  // A ZIP container, as XLSX is.
  // The whole ledger is sent from its scratch file in several chunks, and arrives whole.
  HttpResponse all = Get(OrgPath("/exports/transactions.csv"), user_);
  ASSERT_EQ(all.status, 200);
  EXPECT_GT(all.body.size(), std::size_t{1024} * 1024);
  EXPECT_EQ(all.Header("Content-Length"), std::to_string(all.body.size()));
  EXPECT_EQ(std::count(all.body.begin(), all.body.end(), '\n'),
            json::parse(Get(OrgPath("/imports/" + std::to_string(created["id"].get<int>())), user_)
                            .body)["rows"]["new"]
                    .get<int>() +
                1);

  EXPECT_NE(server_->Log().find("import_finished"), std::string::npos);
}

TEST_F(ImportsTest, ExportsNeutralizeFormulas) {
  const std::string csv =
      "Acme\r\nGeneral Ledger\r\n\r\n,Date,Transaction Type,Num,Name,Memo/Description,Split,"
      "Amount,Balance\r\n1000 Checking,,,,,,,,\r\n"
      ",03/02/2026,Expense,E-1,\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1),6600 "
      "Office,-45.10,-45.10\r\n"
      "Total for 1000 Checking,,,,,,,-45.10,\r\n6600 Office,,,,,,,,\r\n"
      ",03/02/2026,Expense,E-1,\"=HYPERLINK(\"\"http://x\"\")\",+cmd,1000 Checking,45.10,45.10\r\n"
      "Total for 6600 Office,,,,,,,45.10,\r\n";
  HttpResponse accepted = UploadCsv(csv);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  ASSERT_EQ(AwaitImport(json::parse(accepted.body)["id"])["status"], "committed");
  HttpResponse exported = Get(OrgPath("/exports/transactions.csv"), user_);
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.body.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos)
      << exported.body;
  EXPECT_NE(exported.body.find(",'@SUM(A1),"), std::string::npos) << exported.body;
  EXPECT_NE(exported.body.find(",'+cmd,"), std::string::npos) << exported.body;
  EXPECT_EQ(exported.body.find(",=HYPERLINK"), std::string::npos);
}

TEST_F(ImportsTest, EveryUploadCheckRefusesWhatItMust) {
  const std::string good = DemoCsv();
  auto expect_rejected = [&](HttpResponse response, int status, std::string_view type,
                             std::string_view why) {
    EXPECT_EQ(response.status, status) << why << ": " << response.body;
    if (!type.empty()) {
      EXPECT_NE(response.body.find(type), std::string::npos) << why << ": " << response.body;
    }
  };
  // The EICAR file as it is, and hidden in a cell of an otherwise good export.
  expect_rejected(UploadCsv(EicarTestFile(), "eicar.csv"), 422, "upload-rejected", "eicar");
  std::string infected = good;
  infected.insert(infected.find("\r\n1000 Checking") + 2,
                  "\"" + EicarTestFile() + "\",,,,,,,,\r\n");
  HttpResponse hidden = UploadCsv(infected);
  expect_rejected(hidden, 422, "upload-rejected", "eicar in a cell");
  EXPECT_NE(hidden.body.find("malware"), std::string::npos);
  // A binary renamed to .csv: the server's own executable.
  std::string binary = ReadFile(FINHELM_BINARY).substr(0, std::size_t{64} * 1024);
  expect_rejected(UploadCsv(binary, "report.csv"), 422, "upload-rejected", "binary as csv");
  expect_rejected(UploadCsv(good, "ledger.txt"), 422, "upload-rejected", "extension");
  expect_rejected(UploadCsv(good, "../../etc/ledger.sh"), 422, "upload-rejected", "path");
  expect_rejected(UploadCsv("", "empty.csv"), 422, "upload-rejected", "empty");
  expect_rejected(UploadCsv(std::string("Date,Amount\n\0\0\0", 15), "nul.csv"), 422,
                  "upload-rejected", "nul bytes");
  expect_rejected(Upload({{"options", std::nullopt, "{}"}}), 422, "validation", "no file");
  expect_rejected(Upload({{"file", "a.csv", good}, {"extra", std::nullopt, "x"}}), 422,
                  "validation", "unknown part");
  expect_rejected(UploadCsv(good, "ledger.csv", "{\"date_order\": \"sideways\"}"), 422,
                  "validation", "bad options");
  // A bank statement needs a mapping, and the mapping must fit its columns.
  const std::string bank = "Date,Description,Amount\r\n01/02/2026,Coffee,-4.50\r\n";
  expect_rejected(UploadCsv(bank, "bank.csv"), 422, "mapping-required", "no mapping");
  expect_rejected(UploadCsv(bank, "bank.csv",
                            R"({"mapping": {"date": 0, "amount": 9, "bank_account": "Checking"}})"),
                  422, "validation", "mapping out of range");
  // Not multipart, and a malformed multipart body.
  HttpResponse json_body = Post(OrgPath("/imports"), {{"file", "x"}}, user_);
  EXPECT_EQ(json_body.status, 415) << json_body.body;
  std::string broken = "POST " + OrgPath("/imports") +
                       " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                       "boundary=zz\r\nContent-Length: 10\r\n" +
                       Headers(user_) + "\r\n--zz\r\nabcd";
  EXPECT_EQ(Fetch(*server_, broken).status, 422);
  // 26 MiB is refused from the Content-Length alone, before a byte of it is read (IN-2).
  std::string too_large = "POST " + OrgPath("/imports") +
                          " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                          "boundary=zz\r\nContent-Length: " +
                          std::to_string(26 * 1024 * 1024) + "\r\n" + Headers(user_) + "\r\n";
  EXPECT_EQ(Fetch(*server_, too_large).status, 413);

  // Nothing was stored or recorded.
  EXPECT_EQ(UploadsLeft(), 0u);
  EXPECT_TRUE(json::parse(Get(OrgPath("/imports"), user_).body)["imports"].empty());
  EXPECT_NE(server_->Log().find("import_malware_rejected"), std::string::npos);
}

TEST_F(ImportsTest, AFileWithABrokenRowCommitsNothing) {
  std::string csv = DemoCsv();
  const std::size_t at = csv.find(",01/1", csv.size() / 2);
  ASSERT_NE(at, std::string::npos);
  csv.replace(at + 1, 10, "31/31/2025");
  HttpResponse accepted = UploadCsv(csv);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  json import = AwaitImport(json::parse(accepted.body)["id"]);
  EXPECT_EQ(import["status"], "rejected");
  ASSERT_FALSE(import["rejections"].empty());
  EXPECT_GT(import["rejections"][0]["line"].get<int>(), 1000);
  EXPECT_NE(import["rejections"][0]["reason"].get<std::string>().find("date"), std::string::npos);
  EXPECT_EQ(TransactionCount(), 0);
  EXPECT_TRUE(json::parse(Get(OrgPath("/accounts"), user_).body)["accounts"].empty());
  EXPECT_EQ(UploadsLeft(), 0u);
}

TEST_F(ImportsTest, ADoubleImportAddsNothingAndSaysSo) {
  const std::string csv = DemoCsv();
  json first = AwaitImport(json::parse(UploadCsv(csv).body)["id"]);
  ASSERT_EQ(first["status"], "committed");
  const std::int64_t transactions = TransactionCount();
  json second = AwaitImport(json::parse(UploadCsv(csv).body)["id"]);
  ASSERT_EQ(second["status"], "committed");
  EXPECT_EQ(second["duplicate_of"], first["id"]);
  EXPECT_EQ(second["rows"]["new"], 0);
  EXPECT_EQ(second["rows"]["duplicate"], first["rows"]["new"]);
  EXPECT_EQ(TransactionCount(), transactions);
}

TEST_F(ImportsTest, ABudgetOverviewIsImportedAndReadAgainstActuals) {
  ASSERT_EQ(AwaitImport(json::parse(UploadCsv(DemoCsv()).body)["id"])["status"], "committed");
  const std::string budget =
      "Budget Overview: FY26 - FY26 P&L\r\nDemo\r\nJanuary - February 2026\r\n\r\n"
      ",Jan 2026,Feb 2026,Total\r\nExpenses,,,\r\n6100 Rent,\"9,000.00\",\"9,000.00\","
      "\"18,000.00\"\r\nTotal Expenses,\"9,000.00\",\"9,000.00\",\"18,000.00\"\r\n";
  HttpResponse accepted = UploadCsv(budget, "budget.csv");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  EXPECT_EQ(json::parse(accepted.body)["format"], "quickbooks-budget");
  json import = AwaitImport(json::parse(accepted.body)["id"]);
  ASSERT_EQ(import["status"], "committed") << import.dump();
  EXPECT_EQ(import["rows"]["new"], 1);

  HttpResponse response =
      Get(OrgPath("/reports/budget-vs-actual?from=2026-01-01&to=2026-02-28"), user_);
  ASSERT_EQ(response.status, 200) << response.body;
  json report = json::parse(response.body);
  EXPECT_EQ(report["months"], json({"2026-01", "2026-02"}));
  ASSERT_EQ(report["lines"].size(), 1u);
  const json& rent = report["lines"][0];
  EXPECT_EQ(rent["account"], "6100 Rent");
  EXPECT_EQ(rent["budget"], json({"9000.00", "9000.00"}));
  EXPECT_EQ(rent["budget_total"], "18000.00");
  EXPECT_NE(rent["actual"][0], "0.00");  // the demo company pays rent every month
  EXPECT_EQ(Get(OrgPath("/reports/budget-vs-actual?from=2020-01-01&to=2026-02-28"), user_).status,
            422);
}

TEST_F(ImportsTest, ABankStatementImportsWithItsMappingAndTheMappingIsSaved) {
  const std::string bank =
      "Posting Date,Description,Debit,Credit,Balance\r\n"
      "01/02/2026,Coffee,4.50,,995.50\r\n01/03/2026,Client,,100.00,1095.50\r\n";
  HttpResponse preview = Upload({{"file", "bank.csv", bank}}, "/imports/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  json shown = json::parse(preview.body);
  EXPECT_EQ(shown["format"], "bank-statement");
  EXPECT_EQ(shown["columns"]["debit"], 2);
  EXPECT_EQ(shown["rows"].size(), 2u);
  EXPECT_FALSE(shown.contains("saved_mapping"));
  EXPECT_EQ(UploadsLeft(), 0u);  // A preview stores nothing.
  const std::string options =
      R"({"mapping": {"date": 0, "description": 1, "debit": 2, "credit": 3, "balance": 4,
          "bank_account": "1000 Checking"}})";
  json import = AwaitImport(json::parse(UploadCsv(bank, "bank.csv", options).body)["id"]);
  ASSERT_EQ(import["status"], "committed") << import.dump();
  EXPECT_EQ(import["rows"]["new"], 2);
  // The next statement from the same bank needs no mapping.
  const std::string next =
      "Posting Date,Description,Debit,Credit,Balance\r\n"
      "01/04/2026,Rent,500.00,,595.50\r\n";
  HttpResponse again = UploadCsv(next, "bank-2.csv");
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(AwaitImport(json::parse(again.body)["id"])["status"], "committed");
  json accounts = json::parse(Get(OrgPath("/accounts"), user_).body)["accounts"];
  std::map<std::string, std::string> balances;
  for (const json& account : accounts) balances[account["full_name"]] = account["balance"];
  EXPECT_EQ(balances["1000 Checking"], "-404.50");
  EXPECT_EQ(balances["Uncategorized Expense"], "504.50");
}

TEST_F(ImportsTest, AnotherOrganizationCanNeitherReadNorImport) {
  json import = AwaitImport(json::parse(UploadCsv(DemoCsv()).body)["id"]);
  ASSERT_EQ(import["status"], "committed");
  RegisterAndVerify("outsider@example.com");
  Client outsider = Login("outsider@example.com");
  const std::vector<std::string> paths = {"/imports",
                                          "/imports/" + std::to_string(import["id"].get<int>()),
                                          "/transactions",
                                          "/accounts",
                                          "/reports/profit-and-loss",
                                          "/exports/transactions.csv"};
  for (const std::string& path : paths) {
    EXPECT_EQ(Get(OrgPath(path), outsider).status, 404) << path;
  }
  EXPECT_EQ(Upload({{"file", "x.csv", DemoCsv()}}, "/imports", &outsider).status, 404);
  // Their own organization holds none of it, whatever id they guess.
  std::int64_t own = json::parse(Post("/v1/orgs", {{"name", "Other"}}, outsider).body)["id"];
  json page = json::parse(
      Get("/v1/orgs/" + std::to_string(own) + "/transactions", outsider).body)["transactions"];
  EXPECT_TRUE(page.empty());
  EXPECT_EQ(
      Get("/v1/orgs/" + std::to_string(own) + "/imports/" + std::to_string(import["id"].get<int>()),
          outsider)
          .status,
      404);
}

// The job commits the ledger rows and its own completion in one transaction: a server
// killed while it writes leaves no row behind, and the import is done exactly once after
// the restart.
TEST_F(ImportsTest, AnImportKilledMidWayCompletesOnceAfterRestart) {
  const std::string csv = DemoCsv(4);
  HttpResponse accepted = UploadCsv(csv, "big.csv");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  const std::int64_t id = json::parse(accepted.body)["id"];
  // Wait for the write phase, then kill the server in it.
  std::string seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    json import =
        json::parse(Get(OrgPath("/imports/" + std::to_string(id)), user_).body, nullptr, false);
    seen = import.dump();
    if (import["progress"]["message"] == "committing") break;
    ASSERT_NE(import["status"], "committed") << "finished before it could be killed";
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_NE(seen.find("committing"), std::string::npos) << seen;
  server_->Signal(SIGKILL);
  ASSERT_TRUE(server_->WaitForExit(std::chrono::seconds(10)).has_value());

  ServerConfig config;
  Configure(config);
  config.environment["FINHELM_AUTH_ATTEMPTS_PER_MINUTE"] = "100000";
  config.environment["FINHELM_DATA_DIR"] = (server_->directory() / "data").string();
  auto keep = std::move(server_);  // Holds the data directory of the first run.
  server_ = StartServer(config);
  ASSERT_NE(server_, nullptr);
  // Nothing of the killed attempt is there, and the job runs again once its lease ends.
  EXPECT_EQ(TransactionCount(), 0);
  json import = AwaitImport(id, std::chrono::seconds(180));
  ASSERT_EQ(import["status"], "committed") << import.dump();
  EXPECT_EQ(import["rows"]["duplicate"], 0);
  const std::int64_t transactions = TransactionCount();
  EXPECT_EQ(transactions, import["transactions_new"].get<std::int64_t>());
  EXPECT_GT(transactions, 10000);  // Four copies of the demo's first 30 months.
  EXPECT_NE(server_->Log().find("\"attempt\":2"), std::string::npos);
}

// Fail closed (IN-5): with a scanner configured but unreachable, no upload gets in.
class ImportsWithoutScanner : public ImportsTest {
 protected:
  void Configure(ServerConfig& config) override {
    config.environment["FINHELM_CLAMD_SOCKET"] = "/nonexistent/clamd.sock";
  }
};

TEST_F(ImportsWithoutScanner, RefusesUploadsWhenTheScannerIsDown) {
  HttpResponse refused = UploadCsv(DemoCsv());
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("scanner-unavailable"), std::string::npos);
  EXPECT_EQ(UploadsLeft(), 0u);
  EXPECT_TRUE(json::parse(Get(OrgPath("/imports"), user_).body)["imports"].empty());
}

}  // namespace
}  // namespace finhelm::integration
