// Owner's money, the bank and the card (internal to finhelm_demo).
//
// Day one: the owner's contribution and a five-year term loan are deposited in Checking;
// the loan is repaid by a fixed monthly check (principal and interest). The bank charges a
// monthly fee, pays interest on Savings, and the Company Visa's monthly charges are paid in
// full on the 20th of the next month.
#pragma once

#include "demo/internal/company_plan.hpp"
#include "demo/internal/ledger_builder.hpp"

namespace finhelm::demo {

// The owner's contribution, the loan drawn and every loan payment.
void PostOwnerAndLoan(const CompanyPlan& plan, LedgerBuilder& builder);
// The bank's monthly service fees, from Checking.
void PostBankFees(const CompanyPlan& plan, LedgerBuilder& builder);
// Interest on Savings at each month's last business day. Run after every other posting to
// Savings.
void PostSavingsInterest(const CompanyPlan& plan, LedgerBuilder& builder);
// One "Credit Card Payment" a month for the previous month's card charges. Run after every
// other posting to the card.
void PostCardPayments(const CompanyPlan& plan, LedgerBuilder& builder);

}  // namespace finhelm::demo
