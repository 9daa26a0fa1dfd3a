// AUTH-8: the changes that need a password (and code) proven within the last five minutes:
// creating service clients, changing the email, deleting a user or an organization.
// POST /v1/me/reauthenticate stamps the session; so does signing in.
#pragma once

#include <chrono>
#include <optional>

#include "core/clock.hpp"
#include "http/message.hpp"

namespace finhelm::api {

// The window of AUTH-8; operators may shorten it (auth.reauthentication_window_seconds).
inline constexpr std::chrono::seconds kReauthenticationWindow{5 * 60};

// A 403 `reauthentication-required` unless the request's session proved its password
// within `window`; nullopt when it did. A principal without a session never passes.
std::optional<http::Response> RequireRecentAuthentication(
    const http::Request& request, const Clock& clock,
    std::chrono::seconds window = kReauthenticationWindow);

}  // namespace finhelm::api
