#include "demo/internal/financing.hpp"

#include <string>

#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"

namespace finhelm::demo {
namespace {

constexpr const char* kBankName = "First Harbor Bank";
constexpr const char* kOwnerName = "Dana Whitaker";
constexpr std::int64_t kOwnerContributionCents = 150'000'00;
constexpr std::int64_t kLoanCents = 250'000'00;
constexpr int kLoanMonths = 60;
constexpr std::int64_t kLoanRateBp = 750;     // 7.50 % a year.
constexpr std::int64_t kSavingsRateBp = 250;  // 2.50 % a year.
constexpr int kCardPaymentDay = 20;

// A month's interest on `balance` at `rate_bp` a year, rounded to the nearest cent.
std::int64_t MonthlyInterest(std::int64_t balance, std::int64_t rate_bp) {
  return (balance * rate_bp + 60000) / 120000;
}

// The level payment that repays `principal` over `months` at `rate_bp` a year.
std::int64_t LevelPayment(std::int64_t principal, int months, std::int64_t rate_bp) {
  const double rate = static_cast<double>(rate_bp) / 120000.0;
  double growth = 1.0;
  for (int k = 0; k < months; ++k) growth *= 1.0 + rate;
  return Cents(static_cast<double>(principal) / 100.0 * rate * growth / (growth - 1.0));
}

}  // namespace

void PostOwnerAndLoan(const CompanyPlan& plan, LedgerBuilder& builder) {
  const DayNumber day_one = BusinessDayOnOrAfter(plan.calendar.first_day());
  builder.AddNumbered(
      day_one, "Deposit", kOwnerName, "DEP-",
      {Debit(accounts::kChecking, kOwnerContributionCents, "Owner contribution"),
       Credit(accounts::kOwnersEquity, kOwnerContributionCents, "Owner contribution")});
  builder.AddNumbered(day_one, "Deposit", kBankName, "DEP-",
                      {Debit(accounts::kChecking, kLoanCents, "Term loan proceeds"),
                       Credit(accounts::kBankLoan, kLoanCents, "Term loan proceeds")});

  const std::int64_t payment = LevelPayment(kLoanCents, kLoanMonths, kLoanRateBp);
  std::int64_t balance = kLoanCents;
  for (const LedgerMonth& month : plan.calendar.months()) {
    if (month.index == 0) continue;
    const DayNumber day = LedgerCalendar::BusinessDayNear(month, 5);
    if (!plan.calendar.Covers(day)) break;
    const std::int64_t interest = MonthlyInterest(balance, kLoanRateBp);
    const std::int64_t principal = payment - interest;
    balance -= principal;
    builder.AddNumbered(day, "Check", kBankName, "CHK-",
                        {Debit(accounts::kBankLoan, principal, "Loan principal"),
                         Debit(accounts::kInterestExpense, interest, "Loan interest"),
                         Credit(accounts::kChecking, payment, "Term loan payment")});
  }
}

void PostBankFees(const CompanyPlan& plan, LedgerBuilder& builder) {
  DemoRandom random(plan.seed, "bank-fees");
  for (const LedgerMonth& month : plan.calendar.months()) {
    const int wires = 1 + random.Below(4);
    const std::int64_t cents = 25'00 + wires * 15'00;
    const DayNumber day = LedgerCalendar::LastBusinessDay(month);
    if (!plan.calendar.Covers(day)) continue;
    const std::string memo = "Service fee and " + std::to_string(wires) + " wire fee(s)";
    builder.AddNumbered(
        day, "Expense", kBankName, "EXP-",
        {Debit(accounts::kBankFees, cents, memo), Credit(accounts::kChecking, cents, memo)});
  }
}

void PostSavingsInterest(const CompanyPlan& plan, LedgerBuilder& builder) {
  for (const LedgerMonth& month : plan.calendar.months()) {
    const DayNumber day = LedgerCalendar::LastBusinessDay(month);
    if (!plan.calendar.Covers(day)) continue;
    const std::int64_t interest =
        MonthlyInterest(builder.BalanceBefore(accounts::kSavings, day), kSavingsRateBp);
    if (interest <= 0) continue;
    builder.AddNumbered(day, "Deposit", kBankName, "DEP-",
                        {Debit(accounts::kSavings, interest, "Interest earned"),
                         Credit(accounts::kInterestIncome, interest, "Interest earned")});
  }
}

void PostCardPayments(const CompanyPlan& plan, LedgerBuilder& builder) {
  const auto& months = plan.calendar.months();
  std::vector<std::int64_t> charges(months.size(), 0);
  for (const DraftTransaction& draft : builder.drafts()) {
    const int index = plan.calendar.MonthIndexOf(draft.day);
    for (const DemoLine& line : draft.lines) {
      if (line.account_number == accounts::kCompanyVisa && line.debit_cents < 0 && index >= 0) {
        charges[static_cast<std::size_t>(index)] -= line.debit_cents;
      }
    }
  }
  for (std::size_t index = 0; index + 1 < months.size(); ++index) {
    const DayNumber day = LedgerCalendar::BusinessDayNear(months[index + 1], kCardPaymentDay);
    if (charges[index] == 0 || !plan.calendar.Covers(day)) continue;
    const std::string memo = "Visa statement, " + MonthLabel(months[index]);
    builder.AddNumbered(day, "Credit Card Payment", kBankName, "CCP-",
                        {Debit(accounts::kCompanyVisa, charges[index], memo),
                         Credit(accounts::kChecking, charges[index], memo)});
  }
}

}  // namespace finhelm::demo
