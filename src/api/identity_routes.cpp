#include "api/identity_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/internal/ledger_support.hpp"
#include "api/reauthentication.hpp"
#include "api/request_audit.hpp"
#include "api/session_authenticator.hpp"
#include "http/problem.hpp"
#include "http/url.hpp"
#include "identity/first_run.hpp"
#include "identity/memberships.hpp"
#include "identity/password_policy.hpp"
#include "identity/users.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using access::PermissionName;
using http::BodyKind;
using http::Request;
using http::Response;
using identity::InputProblem;
using internal::Dump;
using internal::ProblemOf;
using nlohmann::json;

constexpr std::size_t kMaxOrganizationName = 200;

std::string Text(const Request& request, const char* member) {
  return (*request.json)[member].get<std::string>();
}

Response Problems(const Request& request, const std::vector<InputProblem>& problems) {
  http::Problem problem = http::MakeProblem(422, "validation");
  for (const InputProblem& input : problems) problem.errors.push_back({input.field, input.message});
  return http::ProblemResponse(problem, request.request_id);
}

Response TooManyAttempts(const Request& request, std::chrono::seconds wait) {
  Response response =
      ProblemOf(request, 429, "rate-limited", "Too many attempts; try again later.");
  response.headers.Set("Retry-After", std::to_string(std::max<std::int64_t>(1, wait.count())));
  return response;
}

identity::ClientContext ClientOf(const Request& request) {
  return {request.remote_address, std::string(request.headers.Get("User-Agent").value_or(""))};
}

identity::Session SessionOf(const Request& request) {
  identity::Session session;
  session.id = request.principal.session_id;
  session.user = UserOf(request.principal).value_or(identity::UserId{});
  session.csrf_token = request.principal.csrf_token;
  return session;
}

json SessionJson(const identity::Session& session, std::string_view current) {
  return {{"id", session.id},
          {"created_at", session.created_at},
          {"last_seen_at", session.last_seen_at},
          {"client_address", session.client_address},
          {"user_agent", session.user_agent},
          {"current", session.id == current}};
}

class IdentityHandlers {
 public:
  explicit IdentityHandlers(IdentityRouteDependencies dependencies) : deps_(dependencies) {}

  void Audit(const Request& request, std::string_view event, std::string_view target,
             std::string_view actor = {}, OrganizationId organization = {0}) const {
    AuditRequest(*deps_.database, *deps_.clock, request, event, target, "{}", organization, actor);
  }

  bool AuditAtMostOncePerMinute(const std::string& key) const {
    return deps_.rate_limits->Take("audit:" + key, {1, std::chrono::seconds(60)}).allowed;
  }

  // AUTH-5 and WEB-1: every authentication attempt takes from the address's bucket.
  std::optional<Response> ThrottleAddress(const Request& request) const {
    http::RateDecision decision =
        deps_.rate_limits->Take("auth:" + request.remote_address, deps_.auth_rate_limit);
    if (decision.allowed) return std::nullopt;
    log::Warn("excess_rate_limit_exceeded", {{"request_id", request.request_id},
                                             {"bucket", "auth"},
                                             {"address", request.remote_address}});
    // A flood of refusals must not become a flood of audit writes: one event a minute per
    // address is the record; the log line above counts every refusal.
    if (AuditAtMostOncePerMinute("auth-refusal:" + request.remote_address)) {
      Audit(request, "excess_rate_limit_exceeded", request.route_template);
    }
    return TooManyAttempts(request, decision.retry_after);
  }

  Response Register(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto problems = deps_.accounts->Register(Text(request, "email"), Text(request, "password"),
                                             Text(request, "name"));
    if (!problems.ok()) return http::ErrorResponse(problems.error(), request.request_id);
    if (!problems->empty()) return Problems(request, *problems);
    // The same answer whether the email was new or taken (AUTH-4).
    return Response::Json(201, R"({"status":"verification_sent"})");
  }

  Response VerifyEmail(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    Status verified = deps_.accounts->VerifyEmail(Text(request, "token"));
    if (!verified.ok() && verified.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 400, "invalid-token", "This link is invalid or has expired.");
    }
    if (!verified.ok()) return http::ErrorResponse(verified.error(), request.request_id);
    return Response::Empty(204);
  }

  Response Login(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto outcome =
        deps_.accounts->Login(Text(request, "email"), Text(request, "password"), ClientOf(request));
    if (!outcome.ok()) return http::ErrorResponse(outcome.error(), request.request_id);
    using Kind = identity::LoginOutcome::Kind;
    // A refused sign-in names the account if there is one, else the email masked (DATA-5).
    std::string target = outcome->user ? "user:" + std::to_string(outcome->user->value)
                                       : log::MaskEmail(Text(request, "email"));
    switch (outcome->kind) {
      case Kind::kThrottled:
        log::Warn("authn_login_lock",
                  {{"request_id", request.request_id}, {"address", request.remote_address}});
        // While an account waits, its refusals are recorded once a minute, not each one.
        if (AuditAtMostOncePerMinute("login-lock:" + target)) {
          Audit(request, "authn_login_lock", target);
        }
        return TooManyAttempts(request, outcome->retry_after);
      case Kind::kRefused:
        log::Info("authn_login_fail",
                  {{"request_id", request.request_id}, {"address", request.remote_address}});
        Audit(request, "authn_login_fail", target);
        return ProblemOf(request, 401, "invalid-credentials",
                         "The email or password is not right.");
      case Kind::kEmailUnverified:
        return ProblemOf(request, 403, "email-not-verified",
                         "Confirm your email first: we sent you a link.");
      case Kind::kMfaRequired:
      case Kind::kSignedIn:
        break;
    }
    const identity::IssuedSession& issued = *outcome->session;
    if (outcome->kind == Kind::kMfaRequired) {
      // The password was right; only the MFA step accepts this cookie (SESS-3: it is
      // never promoted, the MFA step issues a new session).
      Response pending = Response::Json(200, R"({"mfa_required":true})");
      pending.headers.Add("Set-Cookie", PendingMfaCookie(issued.token));
      return pending;
    }
    log::Info("authn_login_success", {{"request_id", request.request_id},
                                      {"user_id", issued.session.user.value},
                                      {"address", request.remote_address}});
    std::string user = "user:" + std::to_string(issued.session.user.value);
    Audit(request, "authn_login_success", user, user);
    Response response =
        Response::Json(200, Dump({{"mfa_required", outcome->kind == Kind::kMfaRequired},
                                  {"csrf_token", issued.session.csrf_token}}));
    response.headers.Add("Set-Cookie", SessionCookie(issued.token));
    return response;
  }

  Response CompleteMfa(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    std::optional<std::string> token;
    if (auto cookies = request.headers.Get("Cookie")) {
      token = http::FindCookie(*cookies, kPendingMfaCookie);
    }
    if (!token || token->empty()) {
      return ProblemOf(request, 401, "mfa-challenge-missing", "Sign in with your password first.");
    }
    auto outcome = deps_.accounts->CompleteMfa(*token, Text(request, "code"), ClientOf(request));
    if (!outcome.ok()) return http::ErrorResponse(outcome.error(), request.request_id);
    using Kind = identity::MfaOutcome::Kind;
    std::string target =
        outcome->user ? "user:" + std::to_string(outcome->user->value) : std::string("unknown");
    switch (outcome->kind) {
      case Kind::kNoChallenge:
        return ProblemOf(request, 401, "mfa-challenge-missing",
                         "Sign in with your password first.");
      case Kind::kRefused:
        Audit(request, "authn_mfa_fail", target);
        return ProblemOf(request, 401, "invalid-code", "The code is not right.");
      case Kind::kChallengeVoided: {
        Audit(request, "authn_mfa_lock", target);
        Response voided =
            ProblemOf(request, 401, "mfa-challenge-voided", "Too many wrong codes; sign in again.");
        voided.headers.Add("Set-Cookie", ExpiredCookie(kPendingMfaCookie));
        return voided;
      }
      case Kind::kSignedIn:
        break;
    }
    const identity::IssuedSession& issued = *outcome->session;
    std::string user = "user:" + std::to_string(issued.session.user.value);
    bool recovery = outcome->factor == identity::SecondFactor::kRecoveryCode;
    Audit(request, recovery ? "authn_mfa_recovery_code_used" : "authn_login_success", user, user);
    Response response = Response::Json(
        200, Dump({{"mfa_required", false}, {"csrf_token", issued.session.csrf_token}}));
    response.headers.Add("Set-Cookie", SessionCookie(issued.token));
    response.headers.Add("Set-Cookie", ExpiredCookie(kPendingMfaCookie));
    return response;
  }

  Response EnrollTotp(Request& request) const {
    auto user_id = *UserOf(request.principal);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto user = identity::FindUserById(**connection, user_id);
    if (!user.ok() || !user->has_value()) return ProblemOf(request, 401, "unauthenticated");
    auto enrollment = deps_.accounts->mfa().Begin(**connection, user_id, (*user)->email);
    if (!enrollment.ok() && enrollment.error().code == ErrorCode::kConflict) {
      return ProblemOf(request, 409, "mfa-already-enrolled",
                       "Remove the current authenticator before adding another.");
    }
    if (!enrollment.ok()) return http::ErrorResponse(enrollment.error(), request.request_id);
    return Response::Json(200, Dump({{"secret", enrollment->secret_base32},
                                     {"otpauth_uri", enrollment->otpauth_uri}}));
  }

  Response ConfirmTotp(Request& request) const {
    auto user_id = *UserOf(request.principal);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto codes = deps_.accounts->mfa().Confirm(**connection, user_id, Text(request, "code"));
    if (!codes.ok() && codes.error().code == ErrorCode::kInvalidArgument) {
      return Problems(request, {{"/code", "invalid_code", "The code is not right."}});
    }
    if (!codes.ok() && codes.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 409, "mfa-not-started", "Start the enrollment first.");
    }
    if (!codes.ok()) return http::ErrorResponse(codes.error(), request.request_id);
    Audit(request, "mfa_enrolled", ActorOf(request.principal));
    return Response::Json(200, Dump({{"recovery_codes", *codes}}));
  }

  // The answer to a proof of password (and code): 403 when refused, 429 when throttled.
  std::optional<Response> RefusedProof(const Request& request,
                                       const Result<identity::ProofOutcome>& proof,
                                       std::string_view failure_event) const {
    if (!proof.ok()) return http::ErrorResponse(proof.error(), request.request_id);
    switch (proof->kind) {
      case identity::ProofOutcome::Kind::kProven:
        return std::nullopt;
      case identity::ProofOutcome::Kind::kThrottled:
        return TooManyAttempts(request, proof->retry_after);
      case identity::ProofOutcome::Kind::kRefused:
        break;
    }
    Audit(request, failure_event, ActorOf(request.principal));
    return ProblemOf(request, 403, "reauthentication-failed",
                     "The password or the code is not right.");
  }

  Response Reauthenticate(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    const json& body = *request.json;
    std::string code = body.contains("code") ? body["code"].get<std::string>() : std::string();
    auto proof =
        deps_.accounts->Reauthenticate(SessionOf(request), Text(request, "password"), code);
    if (auto refused = RefusedProof(request, proof, "authn_reauthentication_fail")) {
      return *refused;
    }
    Audit(request, "authn_reauthenticated", ActorOf(request.principal));
    return Response::Empty(204);
  }

  Response ChangeEmail(Request& request) const {
    if (auto stale =
            RequireRecentAuthentication(request, *deps_.clock, deps_.reauthentication_window)) {
      return *stale;
    }
    Status requested =
        deps_.accounts->RequestEmailChange(SessionOf(request), Text(request, "email"));
    if (!requested.ok() && requested.error().code == ErrorCode::kInvalidArgument) {
      return internal::FieldProblem(request, "/email", requested.error().message);
    }
    if (!requested.ok()) return http::ErrorResponse(requested.error(), request.request_id);
    Audit(request, "user_email_change_requested", ActorOf(request.principal));
    // The same answer whether or not the address is taken (AUTH-4).
    return Response::Json(202, R"({"status":"confirmation_sent"})");
  }

  Response ConfirmEmail(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto changed = deps_.accounts->ConfirmEmailChange(Text(request, "token"));
    if (!changed.ok() && changed.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 400, "invalid-token", "This link is invalid or has expired.");
    }
    if (!changed.ok() && changed.error().code == ErrorCode::kConflict) {
      return ProblemOf(request, 409, "email-taken",
                       "Another account uses this address now; the change was not made.");
    }
    if (!changed.ok()) return http::ErrorResponse(changed.error(), request.request_id);
    std::string user = "user:" + std::to_string(changed->value);
    Audit(request, "user_email_changed", user, user);
    return Response::Empty(204);
  }

  Response RemoveTotp(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto proof = deps_.accounts->RemoveMfa(SessionOf(request), Text(request, "password"),
                                           Text(request, "code"));
    if (auto refused = RefusedProof(request, proof, "mfa_remove_fail")) return *refused;
    Audit(request, "mfa_removed", ActorOf(request.principal));
    return Response::Empty(204);
  }

  Response SetupStatus(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto empty = identity::NoUsersYet(**connection);
    if (!empty.ok()) return http::ErrorResponse(empty.error(), request.request_id);
    return Response::Json(200, Dump({{"setup_required", *empty}}));
  }

  Response Setup(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    identity::SetupRequest setup{Text(request, "token"), Text(request, "email"),
                                 Text(request, "password"), Text(request, "name"),
                                 Text(request, "organization_name")};
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto outcome =
        identity::CompleteSetup(**connection, setup, *deps_.policy, *deps_.hasher, *deps_.clock);
    if (!outcome.ok() && outcome.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 400, "invalid-token", "This setup link is invalid or expired.");
    }
    if (!outcome.ok() && outcome.error().code == ErrorCode::kConflict) {
      return ProblemOf(request, 409, "setup-complete", "FinHelm is already set up.");
    }
    if (!outcome.ok()) return http::ErrorResponse(outcome.error(), request.request_id);
    if (!outcome->problems.empty()) return Problems(request, outcome->problems);
    std::string user = "user:" + std::to_string(outcome->user.value);
    Audit(request, "user_created", user, "setup");
    Audit(request, "organization_created", "org:" + std::to_string(outcome->organization.value),
          user, outcome->organization);
    auto session = deps_.accounts->sessions().Create(
        **connection, outcome->user, identity::SessionStage::kFull, ClientOf(request).user_agent,
        request.remote_address);
    if (!session.ok()) return http::ErrorResponse(session.error(), request.request_id);
    Audit(request, "authn_login_success", user, user);
    json body = {{"organization_id", outcome->organization.value},
                 {"csrf_token", session->session.csrf_token}};
    if (request.json->contains("load_demo_company") && (*request.json)["load_demo_company"] &&
        deps_.load_demo_company) {
      storage::OrgScope scope(**connection, outcome->organization);
      auto demo = deps_.load_demo_company(scope, outcome->user.value);
      // The admin exists either way; a failed demo is an import they can start again.
      if (demo.ok()) {
        body["demo_import_id"] = *demo;
      } else {
        log::Error("setup_demo_failed",
                   {{"request_id", request.request_id}, {"error", demo.error().message}});
      }
    }
    Response response = Response::Json(201, Dump(body));
    response.headers.Add("Set-Cookie", SessionCookie(session->token));
    return response;
  }

  Response Logout(Request& request) const {
    identity::Session session = SessionOf(request);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    Status destroyed = deps_.accounts->sessions().Destroy(**connection, session.user, session.id);
    if (!destroyed.ok() && destroyed.error().code != ErrorCode::kNotFound) {
      return http::ErrorResponse(destroyed.error(), request.request_id);
    }
    log::Info("authn_logout",
              {{"request_id", request.request_id}, {"user_id", session.user.value}});
    Audit(request, "authn_logout", "session:" + session.id);
    Response response = Response::Empty(204);
    response.headers.Add("Set-Cookie", ExpiredSessionCookie());
    return response;
  }

  Response ForgotPassword(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    Status queued = deps_.accounts->ForgotPassword(Text(request, "email"));
    if (!queued.ok() && queued.error().code == ErrorCode::kInvalidArgument) {
      return Problems(request, {{"/email", "invalid_email", "Enter a valid email address."}});
    }
    if (!queued.ok()) return http::ErrorResponse(queued.error(), request.request_id);
    return Response::Json(202, R"({"status":"reset_sent_if_account_exists"})");
  }

  Response ResetPassword(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto problems =
        deps_.accounts->ResetPassword(Text(request, "token"), Text(request, "password"));
    if (!problems.ok() && problems.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 400, "invalid-token", "This link is invalid or has expired.");
    }
    if (!problems.ok()) return http::ErrorResponse(problems.error(), request.request_id);
    if (!problems->empty()) return Problems(request, *problems);
    Audit(request, "authn_password_reset", "token");
    return Response::Empty(204);
  }

  Response Me(Request& request) const {
    auto user_id = UserOf(request.principal);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto user = identity::FindUserById(**connection, *user_id);
    if (!user.ok()) return http::ErrorResponse(user.error(), request.request_id);
    if (!user->has_value()) return ProblemOf(request, 401, "unauthenticated");
    auto memberships = identity::MembershipsOf(**connection, *user_id);
    if (!memberships.ok()) return http::ErrorResponse(memberships.error(), request.request_id);
    json organizations = json::array();
    for (const identity::Membership& membership : *memberships) {
      organizations.push_back({{"id", membership.organization.value},
                               {"name", membership.organization_name},
                               {"role", access::RoleName(membership.role)}});
    }
    const identity::User& account = **user;
    // AUTH-2: a reminder after the configured age, never a forced change.
    std::int64_t age = deps_.clock->NowUnixSeconds() - account.password_changed_at;
    bool change_recommended = age >= deps_.password_reminder_age.count();
    return Response::Json(200, Dump({{"user",
                                      {{"id", account.id.value},
                                       {"email", account.email},
                                       {"name", account.name},
                                       {"email_verified", account.email_verified()},
                                       {"mfa_enrolled", request.principal.mfa_enrolled},
                                       {"password_changed_at", account.password_changed_at},
                                       {"password_change_recommended", change_recommended}}},
                                     {"memberships", organizations},
                                     {"csrf_token", request.principal.csrf_token}}));
  }

  Response ChangePassword(Request& request) const {
    if (auto limited = ThrottleAddress(request)) return *limited;
    auto change = deps_.accounts->ChangePassword(
        SessionOf(request), Text(request, "current_password"), Text(request, "password"));
    if (!change.ok()) return http::ErrorResponse(change.error(), request.request_id);
    switch (change->proof.kind) {
      case identity::ProofOutcome::Kind::kThrottled:
        return TooManyAttempts(request, change->proof.retry_after);
      case identity::ProofOutcome::Kind::kRefused: {
        Audit(request, "authn_password_change_fail", ActorOf(request.principal));
        http::Problem problem = http::MakeProblem(422, "validation");
        problem.errors.push_back({"/current_password", "The current password is not right."});
        return http::ProblemResponse(problem, request.request_id);
      }
      case identity::ProofOutcome::Kind::kProven:
        break;
    }
    if (!change->problems.empty()) return Problems(request, change->problems);
    Audit(request, "authn_password_change", ActorOf(request.principal));
    return Response::Empty(204);
  }

  Response ListSessions(Request& request) const {
    identity::Session current = SessionOf(request);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto sessions = deps_.accounts->sessions().List(**connection, current.user);
    if (!sessions.ok()) return http::ErrorResponse(sessions.error(), request.request_id);
    json items = json::array();
    for (const identity::Session& session : *sessions) {
      items.push_back(SessionJson(session, current.id));
    }
    return Response::Json(200, Dump({{"sessions", items}}));
  }

  Response RevokeSession(Request& request) const {
    identity::Session current = SessionOf(request);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    const std::string& id = request.path_params.at("id");
    Status destroyed = deps_.accounts->sessions().Destroy(**connection, current.user, id);
    if (!destroyed.ok()) return http::ErrorResponse(destroyed.error(), request.request_id);
    log::Info("session_revoked",
              {{"request_id", request.request_id}, {"user_id", current.user.value}});
    Audit(request, "session_revoked", "session:" + id);
    return Response::Empty(204);
  }

  Response ListOrganizations(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto memberships = identity::MembershipsOf(**connection, *UserOf(request.principal));
    if (!memberships.ok()) return http::ErrorResponse(memberships.error(), request.request_id);
    json items = json::array();
    for (const identity::Membership& membership : *memberships) {
      items.push_back({{"id", membership.organization.value},
                       {"name", membership.organization_name},
                       {"role", access::RoleName(membership.role)}});
    }
    return Response::Json(200, Dump({{"organizations", items}}));
  }

  Response CreateOrganization(Request& request) const {
    auto name = identity::NormalizeNfkc(Text(request, "name"));
    if (!name.ok() || name->empty() || identity::HasControlCharacters(*name) ||
        identity::CountCodePoints(*name) > kMaxOrganizationName) {
      return Problems(
          request, {{"/name", "invalid_name", "Name the organization (at most 200 characters)."}});
    }
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto user = *UserOf(request.principal);
    auto created = identity::CreateOrganizationWithAdmin(**connection, *name, user, *deps_.clock);
    if (!created.ok()) return http::ErrorResponse(created.error(), request.request_id);
    log::Info("organization_created", {{"request_id", request.request_id},
                                       {"organization_id", created->value},
                                       {"user_id", user.value}});
    Audit(request, "organization_created", "org:" + std::to_string(created->value), {}, *created);
    return Response::Json(201, Dump({{"id", created->value}, {"name", *name}, {"role", "admin"}}));
  }

  Response GetOrganization(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    OrganizationId id{request.principal.organization_id};
    auto organization = storage::FindOrganization(**connection, id);
    if (!organization.ok()) return http::ErrorResponse(organization.error(), request.request_id);
    if (!organization->has_value()) return ProblemOf(request, 404, "");
    json body = {{"id", id.value}, {"name", (*organization)->name}};
    auto books = internal::OrganizationBooksOf(**connection, id);
    if (!books.ok()) return http::ErrorResponse(books.error(), request.request_id);
    body["currency"] = books->currency.code();
    body["locale"] = books->locale;
    if (request.principal.role) {
      body["role"] = access::RoleName(*request.principal.role);
    } else {
      json scopes = json::array();
      for (Permission scope : request.principal.scopes) scopes.push_back(PermissionName(scope));
      body["scopes"] = std::move(scopes);  // A machine client's view of its organization.
    }
    return Response::Json(200, Dump(body));
  }

 private:
  IdentityRouteDependencies deps_;
};

}  // namespace

std::string SessionCookie(std::string_view token) {
  return std::string(identity::kSessionCookie) + "=" + std::string(token) +
         "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string PendingMfaCookie(std::string_view token) {
  // Max-Age matches the pending session's five minutes.
  return std::string(kPendingMfaCookie) + "=" + std::string(token) +
         "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=300";
}

std::string ExpiredCookie(std::string_view name) {
  return std::string(name) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

std::string ExpiredSessionCookie() { return ExpiredCookie(identity::kSessionCookie); }

Status AddIdentityRoutes(http::Router& router, IdentityRouteDependencies dependencies) {
  using H = IdentityHandlers;
  static constexpr internal::RouteEntry<H> kEntries[] = {
      {"GET", "/v1/setup", Permission::kPublic, &H::SetupStatus, BodyKind::kNone, ""},
      {"POST", "/v1/setup", Permission::kPublic, &H::Setup, BodyKind::kJson, "postSetup"},
      {"POST", "/v1/auth/register", Permission::kPublic, &H::Register, BodyKind::kJson,
       "postAuthRegister"},
      {"POST", "/v1/auth/verify-email", Permission::kPublic, &H::VerifyEmail, BodyKind::kJson,
       "postAuthVerifyEmail"},
      {"POST", "/v1/auth/login", Permission::kPublic, &H::Login, BodyKind::kJson, "postAuthLogin"},
      {"POST", "/v1/auth/mfa", Permission::kPublic, &H::CompleteMfa, BodyKind::kJson,
       "postAuthMfa"},
      {"POST", "/v1/auth/logout", Permission::kAuthenticated, &H::Logout, BodyKind::kNone, ""},
      {"POST", "/v1/me/mfa/totp", Permission::kAuthenticated, &H::EnrollTotp, BodyKind::kNone, ""},
      {"POST", "/v1/me/mfa/totp/confirm", Permission::kAuthenticated, &H::ConfirmTotp,
       BodyKind::kJson, "postMeMfaTotpConfirm"},
      {"DELETE", "/v1/me/mfa/totp", Permission::kAuthenticated, &H::RemoveTotp, BodyKind::kJson,
       "deleteMeMfaTotp"},
      {"POST", "/v1/auth/password/forgot", Permission::kPublic, &H::ForgotPassword, BodyKind::kJson,
       "postAuthPasswordForgot"},
      {"POST", "/v1/auth/password/reset", Permission::kPublic, &H::ResetPassword, BodyKind::kJson,
       "postAuthPasswordReset"},
      {"GET", "/v1/me", Permission::kAuthenticated, &H::Me, BodyKind::kNone, ""},
      {"POST", "/v1/me/password", Permission::kAuthenticated, &H::ChangePassword, BodyKind::kJson,
       "postMePassword"},
      {"POST", "/v1/me/email", Permission::kAuthenticated, &H::ChangeEmail, BodyKind::kJson,
       "postMeEmail"},
      {"POST", "/v1/auth/confirm-email", Permission::kPublic, &H::ConfirmEmail, BodyKind::kJson,
       "postAuthConfirmEmail"},
      {"POST", "/v1/me/reauthenticate", Permission::kAuthenticated, &H::Reauthenticate,
       BodyKind::kJson, "postMeReauthenticate"},
      {"GET", "/v1/me/sessions", Permission::kAuthenticated, &H::ListSessions, BodyKind::kNone, ""},
      {"DELETE", "/v1/me/sessions/{id}", Permission::kAuthenticated, &H::RevokeSession,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs", Permission::kAuthenticated, &H::ListOrganizations, BodyKind::kNone, ""},
      {"POST", "/v1/orgs", Permission::kAuthenticated, &H::CreateOrganization, BodyKind::kJson,
       "postOrgs"},
      {"GET", "/v1/orgs/{org}", Permission::kReadOrg, &H::GetOrganization, BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<H>(router, std::make_shared<const H>(dependencies), kEntries);
}

}  // namespace finhelm::api
