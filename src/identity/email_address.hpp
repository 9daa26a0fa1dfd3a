// Email addresses as FinHelm stores and compares them.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm::identity {

// The stored form of an email address: surrounding spaces trimmed, lower case. Fails with
// kInvalidArgument unless it has one '@', a local part of 1 to 64 and a domain of 1 to 253
// printable ASCII characters (the domain with a dot and no empty label), 254 in all.
// Internationalized addresses arrive as IDNA/ASCII; FinHelm does not convert them.
Result<std::string> NormalizeEmail(std::string_view email);

}  // namespace finhelm::identity
