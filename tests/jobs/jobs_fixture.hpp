// A migrated database on each backend with two organizations and the effect table.
#pragma once

#include <gtest/gtest.h>

#include <chrono>

#include "core/clock.hpp"
#include "jobs/job_queue.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"
#include "tests/jobs/test_effects.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::jobs::testing {

class JobsTest : public storage::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)
                    ->ExecuteScript(storage::ForDialect(kCreateEffects, database().dialect()))
                    .ok());
    org_ = storage::CreateOrganization(**connection, "Alpha", clock_).value();
    other_org_ = storage::CreateOrganization(**connection, "Beta", clock_).value();
  }

  Result<EnqueueResult> Enqueue(std::string_view kind, const EnqueueOptions& options = {}) {
    auto connection = database().Acquire();
    if (!connection.ok()) return connection.error();
    storage::OrgScope scope(**connection, org_);
    return queue_.Enqueue(scope, kind, "{}", options);
  }

  JobSnapshot Get(JobId id) {
    auto connection = database().Acquire();
    storage::OrgScope scope(**connection, org_);
    auto job = queue_.Get(scope, id);
    EXPECT_TRUE(job.ok()) << job.error().message;
    return job.ok() ? *job : JobSnapshot{};
  }

  std::int64_t CountEffects(JobId id) {
    auto connection = database().Acquire();
    storage::OrgScope scope(**connection, org_);
    auto row = scope.QueryOptional(kCountEffects, {id.value});
    EXPECT_TRUE(row.ok());
    return row.ok() ? (*row)->Int(0) : -1;
  }

  std::int64_t NowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch())
        .count();
  }

  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000))};
  JobQueue queue_{clock_};
  OrganizationId org_;
  OrganizationId other_org_;
};

}  // namespace finhelm::jobs::testing
