// Principal: who is making a request, as established by authentication.
#pragma once

#include <string>

namespace finhelm::access {

struct Principal {
  enum class Kind { kAnonymous, kUser, kMachineClient };
  Kind kind = Kind::kAnonymous;
  std::string subject_id;  // User or service-client id; empty when anonymous.

  bool authenticated() const { return kind != Kind::kAnonymous; }
};

}  // namespace finhelm::access
