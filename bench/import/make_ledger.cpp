// bench_import_ledger ROWS FILE: writes a QuickBooks General Ledger export (classic
// layout) of at least ROWS rows, for bench/import. The demo company's books are repeated
// with their own document numbers until the file is large enough, so every transaction
// still balances and the import does all of its work: layout, dates, amounts, accounts,
// counterparties, fingerprints, transactions, open items.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_import_ledger ROWS FILE\n");
    return 2;
  }
  std::size_t rows = 0;
  const std::string_view text(argv[1]);
  if (std::from_chars(text.data(), text.data() + text.size(), rows).ec != std::errc() ||
      rows == 0) {
    std::fprintf(stderr, "bench_import_ledger: ROWS must be a positive number\n");
    return 2;
  }
  finhelm::demo::DemoOptions options;
  options.last_day = *finhelm::CalendarDate::FromParts(2026, 12, 31);
  auto ledger = finhelm::demo::GenerateDemoCompany(options);
  if (!ledger.ok()) {
    std::fprintf(stderr, "bench_import_ledger: %s\n", ledger.error().message.c_str());
    return 1;
  }
  const std::vector<finhelm::demo::DemoTransaction> original = ledger->transactions;
  std::size_t lines = 0;
  for (const auto& transaction : original) lines += transaction.lines.size();
  const std::size_t per_copy = lines;
  for (int copy = 1; lines < rows; ++copy) {
    for (finhelm::demo::DemoTransaction transaction : original) {
      transaction.num += "-" + std::to_string(copy);
      ledger->transactions.push_back(std::move(transaction));
    }
    lines += per_copy;
  }
  std::stable_sort(ledger->transactions.begin(), ledger->transactions.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  if (auto written = finhelm::demo::WriteGeneralLedgerCsv(*ledger, out); !written.ok()) {
    std::fprintf(stderr, "bench_import_ledger: %s\n", written.error().message.c_str());
    return 1;
  }
  out.close();
  std::printf("%zu rows, %zu transactions\n", lines, ledger->transactions.size());
  return out ? 0 : 1;
}
