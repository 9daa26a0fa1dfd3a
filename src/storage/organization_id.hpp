// OrganizationId: the identity of a tenant, the key of ACL-4 scoping.
#pragma once

#include <compare>
#include <cstdint>

namespace finhelm {

struct OrganizationId {
  std::int64_t value = 0;
  friend auto operator<=>(const OrganizationId&, const OrganizationId&) = default;
};

}  // namespace finhelm
