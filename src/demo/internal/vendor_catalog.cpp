#include "demo/internal/vendor_catalog.hpp"

#include <iterator>

#include "demo/internal/chart_of_accounts.hpp"

namespace finhelm::demo {
namespace {

using namespace accounts;  // NOLINT(google-build-using-namespace): the table reads better.
using enum Channel;
using enum Cadence;
using enum Season;

// name, account, channel, cadence, day, month of year, base, per head, spread, rate,
// first month, pay days, memo[, season]
constexpr Vendor kVendors[] = {
    // Software subscriptions, billed to the card; most are priced per seat.
    {"Cloudnest Workspace", kSoftware, kCardExpense, kMonthly, 3, 0, 0, 14.40, 0, 0, 0, 0,
     "Workspace seats"},
    {"Ledgerly Accounting", kSoftware, kCardExpense, kMonthly, 5, 0, 90, 0, 0, 0, 0, 0,
     "Accounting plan"},
    {"Slackline Chat", kSoftware, kCardExpense, kMonthly, 6, 0, 0, 8.75, 0, 0, 0, 0,
     "Team chat seats"},
    {"Zoomway Video", kSoftware, kCardExpense, kMonthly, 8, 0, 149.90, 0, 0, 0, 0, 0,
     "Video meetings, business plan"},
    {"Figpad Design", kSoftware, kCardExpense, kMonthly, 9, 0, 75, 0, 0, 0, 2, 0, "Design tool"},
    {"GitForge", kSoftware, kCardExpense, kMonthly, 10, 0, 0, 21, 0, 0, 0, 0, "Code hosting"},
    {"Trackwise Projects", kSoftware, kCardExpense, kMonthly, 11, 0, 0, 11, 0, 0, 0, 0,
     "Project tracking seats"},
    {"Docusafe eSign", kSoftware, kCardExpense, kMonthly, 12, 0, 65, 0, 0, 0, 0, 0,
     "E-signature plan"},
    {"Vaultkey Passwords", kSoftware, kCardExpense, kMonthly, 14, 0, 0, 4, 0, 0, 1, 0,
     "Password manager seats"},
    {"Atlas CRM", kSoftware, kCardExpense, kMonthly, 15, 0, 120, 25, 0, 0, 0, 0, "CRM seats"},
    {"Timecard Pro", kSoftware, kCardExpense, kMonthly, 17, 0, 0, 9.50, 0, 0, 0, 0,
     "Time tracking seats"},
    {"Datawell Analytics", kSoftware, kCardExpense, kMonthly, 19, 0, 450, 0, 0, 0, 4, 0,
     "Analytics warehouse"},
    {"Shieldpoint Security", kSoftware, kCardExpense, kMonthly, 21, 0, 0, 6, 0, 0, 0, 0,
     "Endpoint protection"},
    {"Inkwell Docs", kSoftware, kCardExpense, kMonthly, 23, 0, 29.99, 0, 0, 0, 0, 0,
     "Document templates"},
    {"Northstar HR Suite", kSoftware, kCardExpense, kMonthly, 25, 0, 40, 12, 0, 0, 6, 0,
     "HR platform seats"},

    // Subcontractors, billed as a share of the month's revenue.
    {"Keystone Data Partners", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.020, 0, 0.3, 0, 0, 28,
     "Data engineering subcontract"},
    {"Ridgeline Dev Studio", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.015, 0, 0.3, 0, 0, 27,
     "Development subcontract"},
    {"Mosaic UX Collective", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.012, 0, 0.3, 0, 3, 25,
     "UX research subcontract"},
    {"Blue Heron Analytics", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.010, 0, 0.3, 0, 5, 29,
     "Analytics subcontract"},
    {"Tidewater Engineering", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.010, 0, 0.3, 0, 8, 26,
     "Integration engineering"},
    {"Oakridge Cloud Services", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.008, 0, 0.3, 0, 10,
     20, "Cloud operations support"},
    {"Quillon Research", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.006, 0, 0.4, 0, 12, 24,
     "Market research"},
    {"Parallax Training Co.", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.005, 0, 0.4, 0, 6, 21,
     "Training delivery"},
    {"Summit Integration Group", kSubcontractors, kBill, kRevenueShare, 0, 0, 0.010, 0, 0.3, 0, 14,
     28, "Systems integration"},

    // Utilities and the office.
    {"Coastal Electric Co.", kUtilities, kBill, kMonthly, 6, 0, 640, 0, 0.12, 0, 0, 18,
     "Electricity", kWeather},
    {"Bayline Fiber", kUtilities, kBill, kMonthly, 2, 0, 389, 0, 0, 0, 0, 14, "Office internet"},
    {"Metro Mobile Wireless", kUtilities, kBill, kMonthly, 20, 0, 0, 55, 0, 0, 0, 16,
     "Mobile phones"},
    {"Harbor City Water", kUtilities, kBill, kQuarterly, 12, 0, 180, 0, 0.2, 0, 0, 21,
     "Water and sewer"},
    {"Lockwell Alarm Monitoring", kUtilities, kCardExpense, kMonthly, 4, 0, 49.99, 0, 0, 0, 0, 0,
     "Alarm monitoring"},
    {"Cleanway Janitorial", kJanitorial, kBill, kMonthly, 28, 0, 640, 0, 0, 0, 0, 20,
     "Office cleaning"},
    {"Greenleaf Plant Care", kJanitorial, kBill, kMonthly, 7, 0, 120, 0, 0, 0, 1, 25, "Plant care"},
    {"Shred-Right Secure Disposal", kJanitorial, kBill, kQuarterly, 18, 0, 95, 0, 0.1, 0, 0, 22,
     "Document shredding"},

    // People.
    {"Evergreen Health Plans", kBenefits, kBill, kMonthly, 1, 0, 0, 680, 0, 0, 0, 10,
     "Group health premium"},
    {"Granite Workers Comp", kInsurance, kBill, kQuarterly, 10, 0, 0, 210, 0.05, 0, 0, 20,
     "Workers' compensation premium"},
    {"Crestview Payroll Services", kProfessionalFees, kBill, kMonthly, 3, 0, 95, 14, 0, 0, 0, 12,
     "Payroll service fee"},
    {"Talentbridge Recruiting", kRecruiting, kBill, kPerHire, 10, 0, 14000, 0, 0.2, 0, 24, 30,
     "Placement fee"},
    {"LinkedUp Talent Ads", kRecruiting, kCardExpense, kMonthly, 16, 0, 900, 0, 0.3, 0, 26, 0,
     "Job postings"},
    {"Learnwell Courses", kStaffTraining, kCardExpense, kRandom, 0, 0, 450, 0, 0.5, 0.05, 0, 0,
     "Online course"},
    {"Summit Conference Co.", kStaffTraining, kCardExpense, kAnnual, 12, 9, 3600, 0, 0.1, 0, 0, 0,
     "Conference passes"},

    // Travel and meals, on the card.
    {"Skyway Airlines", kTravel, kCardExpense, kRandom, 0, 0, 460, 0, 0.5, 0.35, 0, 0,
     "Airfare, client visit", kBusy},
    {"Harbor Suites Hotel", kTravel, kCardExpense, kRandom, 0, 0, 390, 0, 0.5, 0.30, 0, 0,
     "Hotel, client visit", kBusy},
    {"Metro Cab", kTravel, kCardExpense, kRandom, 0, 0, 38, 0, 0.6, 0.90, 0, 0, "Taxi", kBusy},
    {"Rail Connect", kTravel, kCardExpense, kRandom, 0, 0, 110, 0, 0.4, 0.20, 0, 0, "Train fare",
     kBusy},
    {"Roadrunner Car Rental", kTravel, kCardExpense, kRandom, 0, 0, 240, 0, 0.4, 0.10, 0, 0,
     "Car rental", kBusy},
    {"Pinecrest Inn", kTravel, kCardExpense, kRandom, 0, 0, 310, 0, 0.4, 0.08, 0, 0,
     "Lodging, workshop", kBusy},
    {"Café Lumière", kMeals, kCardExpense, kRandom, 0, 0, 240, 0, 0.6, 0.12, 0, 0,
     "Workshop catering", kBusy},
    {"Dockside Grill", kMeals, kCardExpense, kRandom, 0, 0, 160, 0, 0.6, 0.10, 0, 0, "Client lunch",
     kBusy},

    // Office supplies.
    {"Paper Trail Office Supply", kOfficeSupplies, kBankExpense, kRandom, 0, 0, 165, 0, 0.5, 0.25,
     0, 0, "Office supplies"},
    {"Ink & Toner Depot", kOfficeSupplies, kCardExpense, kOccasional, 0, 0, 120, 0, 0.4, 1.0, 0, 0,
     "Printer supplies"},
    {"Brightdesk Furniture", kOfficeSupplies, kCardExpense, kPerHire, 8, 0, 650, 0, 0.2, 0, 0, 0,
     "Desk and chair"},
    {"Voltline Electronics", kOfficeSupplies, kCardExpense, kPerHire, 9, 0, 380, 0, 0.2, 0, 0, 0,
     "Monitor and dock"},
    {"Postal Express", kOfficeSupplies, kCardExpense, kRandom, 0, 0, 28, 0, 0.5, 0.15, 0, 0,
     "Shipping"},
    {"Harborside Coffee Service", kOfficeSupplies, kBill, kMonthly, 5, 0, 90, 8, 0.1, 0, 0, 15,
     "Coffee service"},

    // Professional services.
    {"Smith, Jones & Co", kProfessionalFees, kBill, kMonthly, 4, 0, 1850, 0, 0, 0, 0, 26,
     "Monthly bookkeeping"},
    {"Smith, Jones & Co", kProfessionalFees, kBill, kAnnual, 14, 3, 6500, 0, 0.1, 0, 0, 26,
     "Tax return preparation"},
    {"Whitfield Legal Group", kProfessionalFees, kBill, kOccasional, 0, 0, 2800, 0, 0.5, 0.3, 0, 30,
     "Contract review"},

    // Marketing.
    {"Brightline Media", kMarketing, kBill, kMonthly, 1, 0, 2500, 0, 0, 0, 3, 28,
     "Marketing retainer"},
    {"Signal Search Ads", kMarketing, kCardExpense, kMonthly, 27, 0, 1100, 0, 0.4, 0, 1, 0,
     "Search advertising"},
    {"Event Works Expo", kMarketing, kBill, kOccasional, 0, 0, 5200, 0, 0.3, 0.15, 4, 30,
     "Conference booth", kBusy},
    {"Printhouse Graphics", kMarketing, kCardExpense, kOccasional, 0, 0, 420, 0, 0.5, 0.4, 0, 0,
     "Printed materials", kBusy},
    {"Corner Print & Copy", kMarketing, kBankExpense, kOccasional, 0, 0, 75, 0, 0.5, 0.5, 0, 0,
     "Copies and binding"},

    // Dues and licenses.
    {"Civic Chamber of Commerce", kDues, kCheck, kAnnual, 10, 2, 650, 0, 0, 0, 0, 0,
     "Annual membership"},
    {"Guild of Management Consultants", kDues, kCardExpense, kAnnual, 15, 6, 1200, 0, 0, 0, 0, 0,
     "Annual dues"},
    {"State Secretary of State", kLicenses, kCheck, kAnnual, 15, 4, 300, 0, 0, 0, 0, 0,
     "Annual LLC report fee"},
    {"City Business License Office", kLicenses, kCheck, kAnnual, 20, 1, 185, 0, 0, 0, 0, 0,
     "Business license renewal"},
};

}  // namespace

std::span<const Vendor> RegularVendors() { return {std::begin(kVendors), std::end(kVendors)}; }

}  // namespace finhelm::demo
