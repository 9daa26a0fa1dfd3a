#include "audit/audit_log.hpp"
#include "audit/audit_retention.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "storage/organizations.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::audit {
namespace {

using storage::Sql;
using storage::testing::Backend;

constexpr storage::DialectSql kDropTrigger = {
    .sqlite = "DROP TRIGGER audit_events_append_only",
    .postgres = "DROP TRIGGER audit_events_append_only ON audit_events",
};

class AuditLogTest : public storage::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    org_ = storage::CreateOrganization(**connection, "Acme", clock_).value();
    other_ = storage::CreateOrganization(**connection, "Globex", clock_).value();
  }

  void Add(OrganizationId organization, std::string event, std::string actor = "user:1") {
    auto connection = database().Acquire();
    AuditEvent audit{organization,
                     std::move(event),
                     std::move(actor),
                     "org:1",
                     "192.0.2.1",
                     "req-1",
                     R"({"route":"/v1/orgs/{org}"})"};
    Status recorded = Record(**connection, clock_, audit);
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
    clock_.Advance(std::chrono::seconds(1));
  }

  VerifyReport VerifyNow() {
    auto connection = database().Acquire();
    auto report = Verify(**connection);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : VerifyReport{};
  }

  // What an attacker with database access would do, once past the trigger.
  void Tamper(const Sql& statement) {
    auto connection = database().Acquire();
    ASSERT_TRUE((*connection)->ExecuteScript(ForDialect(kDropTrigger, database().dialect())).ok());
    ASSERT_TRUE((*connection)->Execute(statement).ok());
  }

  void AddFive() {
    Add(org_, "authn_login_success");
    Add(other_, "authz_fail");
    Add(org_, "authz_fail", "user:2");
    Add(OrganizationId{0}, "authn_login_fail", "anonymous");
    Add(org_, "user_updated");
  }

  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000))};
  OrganizationId org_;
  OrganizationId other_;
};

// proves AUD-2: an untouched chain verifies.
TEST_P(AuditLogTest, IntactChainVerifies) {
  EXPECT_TRUE(VerifyNow().intact);  // Empty.
  AddFive();
  VerifyReport report = VerifyNow();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.events_checked, 5);
}

// proves AUD-1: events are append-only; the database refuses to rewrite one.
TEST_P(AuditLogTest, UpdatesAreRefused) {
  AddFive();
  auto connection = database().Acquire();
  auto updated = (*connection)
                     ->Execute(Sql::CrossTenant(
                         "UPDATE audit_events SET actor = 'someone else' WHERE id = 2"));
  EXPECT_FALSE(updated.ok());
  EXPECT_TRUE(VerifyNow().intact);
}

// proves AUD-2: an edited event is found.
TEST_P(AuditLogTest, DetectsAnEditedEvent) {
  AddFive();
  Tamper(Sql::CrossTenant("UPDATE audit_events SET actor = 'user:9' WHERE id = 3"));
  VerifyReport report = VerifyNow();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.problem, "event 3 was edited");
}

// proves AUD-2: a deleted event is found, in the middle and at the end.
TEST_P(AuditLogTest, DetectsDeletedEvents) {
  AddFive();
  Tamper(Sql::CrossTenant("DELETE FROM audit_events WHERE id = 2"));
  EXPECT_EQ(VerifyNow().problem, "event 2 is missing");
}

TEST_P(AuditLogTest, DetectsTheNewestEventDeleted) {
  AddFive();
  Tamper(Sql::CrossTenant("DELETE FROM audit_events WHERE id = 5"));
  VerifyReport report = VerifyNow();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.problem, "the chain ends at event 4 but its head names event 5");
}

// proves DATA-6: events past their retention are purged, oldest first, and the rest of the
// chain still verifies, keeps growing, and still shows a removal.
TEST_P(AuditLogTest, RetentionPurgesTheOldestAndTheRestVerifies) {
  AddFive();  // one a second; the clock is now a second past the fifth
  auto connection = database().Acquire();
  auto purged = PurgeExpiredEvents(**connection, clock_, std::chrono::seconds(3));
  ASSERT_TRUE(purged.ok()) << purged.error().message;
  EXPECT_EQ(*purged, 2);  // the events of the first two seconds
  VerifyReport report = VerifyNow();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.events_checked, 3);
  EXPECT_EQ(*PurgeExpiredEvents(**connection, clock_, std::chrono::seconds(3)), 0);
  EXPECT_EQ(*PurgeExpiredEvents(**connection, clock_, kDefaultAuditRetention), 0);

  Add(org_, "authn_login_success");
  EXPECT_TRUE(VerifyNow().intact);
  Tamper(Sql::CrossTenant("DELETE FROM audit_events WHERE id = 3"));
  EXPECT_EQ(VerifyNow().problem, "event 3 is missing");
}

// proves AUD-2: an event rebuilt with a consistent hash still breaks the next link.
TEST_P(AuditLogTest, DetectsARehashedEvent) {
  AddFive();
  Tamper(Sql::CrossTenant("UPDATE audit_events SET hash = previous_hash WHERE id = 2"));
  EXPECT_FALSE(VerifyNow().intact);
}

// proves AUD-1: CR and LF are encoded, so a field cannot forge another line.
TEST_P(AuditLogTest, EncodesLineBreaksInFields) {
  auto connection = database().Acquire();
  AuditEvent forged{org_, "authn_login_fail", "anonymous", "x\r\n{\"event\":\"fake\"}", "", "",
                    "{}"};
  ASSERT_TRUE(Record(**connection, clock_, forged).ok());
  auto events = List(**connection, org_, {});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event.target, "x\\r\\n{\"event\":\"fake\"}");
  EXPECT_TRUE(VerifyNow().intact);
}

// proves ACL-4: an organization lists only its own events, newest first, with filters.
TEST_P(AuditLogTest, ListsOneOrganizationsEventsWithFiltersAndCursor) {
  AddFive();
  auto connection = database().Acquire();
  auto all = List(**connection, org_, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].event.event, "user_updated");
  EXPECT_EQ((*all)[2].event.event, "authn_login_success");

  AuditQuery denied;
  denied.event = "authz_fail";
  EXPECT_EQ(List(**connection, org_, denied)->size(), 1u);
  AuditQuery by_actor;
  by_actor.actor = "user:1";
  EXPECT_EQ(List(**connection, org_, by_actor)->size(), 2u);
  AuditQuery page;
  page.limit = 2;
  auto first = List(**connection, org_, page);
  ASSERT_EQ(first->size(), 2u);
  page.before_id = first->back().id;
  auto second = List(**connection, org_, page);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].event.event, "authn_login_success");
  AuditQuery window;
  window.since_ms = std::int64_t{1'800'000'002'000};
  window.until_ms = std::int64_t{1'800'000'004'000};
  EXPECT_EQ(List(**connection, org_, window)->size(), 1u);  // Only the event at +2 s.
}

INSTANTIATE_TEST_SUITE_P(audit, AuditLogTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::audit
