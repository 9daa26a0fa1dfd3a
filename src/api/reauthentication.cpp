#include "api/reauthentication.hpp"

#include "api/internal/handler_support.hpp"

namespace finhelm::api {

std::optional<http::Response> RequireRecentAuthentication(const http::Request& request,
                                                          const Clock& clock,
                                                          std::chrono::seconds window) {
  std::int64_t since = clock.NowUnixSeconds() - request.principal.authenticated_at;
  if (request.principal.via_cookie() && since <= window.count()) return std::nullopt;
  return internal::ProblemOf(request, 403, "reauthentication-required",
                             "Confirm your password to continue.");
}

}  // namespace finhelm::api
