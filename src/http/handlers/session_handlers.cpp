#include <nlohmann/json.hpp>

#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "http/middleware.hpp"

namespace aantafel::http {

namespace {

const RouteOptions kPublic{.access = Access::kPublic};

/// Whether links built on `public_url` only work on this machine (loopback or no host).
bool IsLocalOnly(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return true;
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (host.starts_with('[')) {
    host = host.substr(1, host.find(']') - 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  return host.empty() || host == "localhost" || host.ends_with(".localhost") ||
         host.starts_with("127.") || host == "::1" || host == "0.0.0.0";
}

nlohmann::json SessionView(core::accounts::AccountsService& accounts,
                           const core::accounts::Principal& principal,
                           const std::string& public_url, bool mail_enabled) {
  nlohmann::json workspaces = nlohmann::json::array();
  for (const auto& m : accounts.VisibleWorkspaces(principal)) {
    workspaces.push_back(WorkspaceView(m.workspace, m.role));
  }
  nlohmann::json body = {
      {"user", UserView(principal.user)},
      {"workspaces", workspaces},
      // Links on posters, QR codes and calendar feeds start with this address.
      {"public_url", {{"url", public_url}, {"local_only", IsLocalOnly(public_url)}}},
      // Whether links can be mailed from the app (else the app shows them to pass on).
      {"mail", mail_enabled}};
  if (principal.via == core::accounts::Principal::Via::kSession) {
    body["csrf_token"] = principal.csrf_token;
    body["signed_in_with_sso"] = principal.sso;
  }
  return body;
}

/// The session cookie value of this request, if any.
std::string SessionToken(const RequestContext& ctx) {
  if (auto cookies = ctx.request.headers.Get("Cookie")) {
    if (auto token = FindCookie(*cookies, kSessionCookie)) return std::string(*token);
  }
  return {};
}

/// 201 with the new session and its cookie (after a login, an accepted invitation or a reset).
HttpResponse SignedIn(const core::accounts::LoginResult& login, const SessionDeps& deps) {
  core::accounts::Principal principal{.user = login.user,
                                      .via = core::accounts::Principal::Via::kSession,
                                      .csrf_token = login.session.csrf_token,
                                      .workspace_id = std::nullopt};
  HttpResponse response =
      JsonResponse(201, SessionView(deps.accounts, principal, deps.public_url, deps.mail_enabled));
  response.headers.Add("Set-Cookie", SetCookieValue({.name = std::string(kSessionCookie),
                                                     .value = login.token,
                                                     .max_age = deps.session_ttl,
                                                     .http_only = true,
                                                     .secure = deps.secure_cookies}));
  return response;
}

core::accounts::ClientInfo ClientOf(const RequestContext& ctx) {
  return {.address = ctx.request.remote_address,
          .user_agent = std::string(ctx.request.headers.Get("User-Agent").value_or(""))};
}

/// Password changes and session lists belong to people in a browser, not to scripts.
bool ViaSession(const RequestContext& ctx) {
  return ctx.principal && ctx.principal->via == core::accounts::Principal::Via::kSession;
}

nlohmann::json SessionInfoView(const core::accounts::SessionInfo& s) {
  return {{"id", s.id},
          {"created_at", FormatTimestamp(s.created_at)},
          {"expires_at", FormatTimestamp(s.expires_at)},
          {"user_agent", s.user_agent},
          {"address", s.address},
          {"current", s.current},
          {"sso", s.sso}};
}

HttpResponse LogIn(const SessionDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto email = body->String("email", true, 1024);
  auto password = body->String("password", true, 4096);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  const auto client = ClientOf(ctx);
  auto login = deps.accounts.Login(*email, *password, client.address, client.user_agent);
  if (!login) {
    const auto code = login.error().code;
    if (code == core::ErrorCode::kRateLimited || code == core::ErrorCode::kInvalidCredentials) {
      // The account by a hash of its lower-cased address: enough to follow one
      // account's refusals without writing addresses into the log.
      std::string account = *email;
      for (char& c : account) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      deps.log_security("login refused: " + std::string(core::ToString(code)) +
                        " account=" + deps.crypto.Sha256Hex(account).substr(0, 16) + " address=" +
                        ctx.request.remote_address + " request=" + ctx.request.request_id);
    }
    return Fail(ctx, login.error());
  }
  return SignedIn(*login, deps);
}

HttpResponse GetSession(const SessionDeps& deps, RequestContext& ctx) {
  return JsonResponse(
      200, SessionView(deps.accounts, *ctx.principal, deps.public_url, deps.mail_enabled));
}

HttpResponse LogOut(const SessionDeps& deps, RequestContext& ctx) {
  deps.accounts.Logout(SessionToken(ctx));
  HttpResponse response = HttpResponse::NoContent();
  response.headers.Add("Set-Cookie", SetCookieValue({.name = std::string(kSessionCookie),
                                                     .value = "",
                                                     .max_age = std::chrono::seconds(0),
                                                     .http_only = true,
                                                     .secure = deps.secure_cookies}));
  return response;
}

// ---- the caller's own account ----

HttpResponse GetAccount(RequestContext& ctx) {
  return JsonResponse(200, UserView(ctx.principal->user));
}

HttpResponse UpdateAccount(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto name = body->String("name", false, 4096);
  auto language = body->String("language", false, 16);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto updated = accounts.UpdateProfile(
      *ctx.principal, name ? std::optional<std::string_view>(*name) : std::nullopt,
      language ? std::optional<std::string_view>(*language) : std::nullopt);
  if (!updated) return Fail(ctx, updated.error());
  return JsonResponse(200, UserView(*updated));
}

HttpResponse ChangePassword(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  if (!ViaSession(ctx)) return Fail(ctx, core::Error::Of(core::ErrorCode::kForbidden));
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto current = body->String("current_password", true, 4096);
  auto fresh = body->String("new_password", true, 4096);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto changed = accounts.ChangePassword(*ctx.principal, SessionToken(ctx), *current, *fresh,
                                         ctx.request.remote_address);
  if (!changed) return Fail(ctx, changed.error());
  return HttpResponse::NoContent();
}

HttpResponse ListOwnSessions(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  if (!ViaSession(ctx)) return Fail(ctx, core::Error::Of(core::ErrorCode::kForbidden));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : accounts.ListSessions(*ctx.principal, SessionToken(ctx))) {
    items.push_back(SessionInfoView(s));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse EndOwnSession(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  if (!ViaSession(ctx)) return Fail(ctx, core::Error::Of(core::ErrorCode::kForbidden));
  auto ended = accounts.EndSession(*ctx.principal, ctx.params.Get("session_id"));
  if (!ended) return Fail(ctx, ended.error());
  return HttpResponse::NoContent();
}

HttpResponse ListOwnSignIns(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : accounts.SignInHistory(*ctx.principal)) {
    items.push_back({{"at", FormatTimestamp(e.at)},
                     {"outcome", core::accounts::ToString(e.outcome)},
                     {"address", e.address},
                     {"user_agent", e.user_agent}});
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse EndOtherSessions(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  if (!ViaSession(ctx)) return Fail(ctx, core::Error::Of(core::ErrorCode::kForbidden));
  const auto ended = accounts.EndOtherSessions(*ctx.principal, SessionToken(ctx));
  return JsonResponse(200, {{"ended", ended}});
}

// ---- links by e-mail: password reset and invitations (the secret travels in the body) ----

HttpResponse RequestPasswordReset(const SessionDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto email = body->String("email", true, 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  if (auto requested = deps.password_resets.Request(*email, ctx.request.remote_address);
      !requested) {
    return Fail(ctx, requested.error());
  }
  // The same answer whether or not the address has an account.
  return JsonResponse(
      202, {{"mail", deps.password_resets.can_send() ? "sent_if_known" : "not_configured"}});
}

HttpResponse CompletePasswordReset(const SessionDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto token = body->String("token", true, 1024);
  auto password = body->String("password", true, 4096);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto login = deps.password_resets.Complete(*token, *password, ClientOf(ctx));
  if (!login) return Fail(ctx, login.error());
  deps.log_security("password reset used: user=" + std::to_string(login->user.id) + " address=" +
                    ctx.request.remote_address + " request=" + ctx.request.request_id);
  return SignedIn(*login, deps);
}

HttpResponse LookUpInvitation(const SessionDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto token = body->String("token", true, 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto details = deps.invitations.Lookup(*token, ctx.request.remote_address);
  if (!details) return Fail(ctx, details.error());
  return JsonResponse(
      200, {{"workspace", {{"slug", details->workspace_slug}, {"name", details->workspace_name}}},
            {"role", core::accounts::ToString(details->role)},
            {"email", details->email},
            {"inviter_name", details->inviter_name},
            {"language", core::ToTag(details->language)},
            {"expires_at", FormatTimestamp(details->expires_at)},
            {"account_exists", details->account_exists}});
}

HttpResponse AcceptInvitation(const SessionDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto token = body->String("token", true, 1024);
  auto name = body->String("name", false, 4096);
  auto password = body->String("password", true, 4096);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto login = deps.invitations.Accept(
      {.token = *token, .name = name.value_or(""), .password = *password}, ClientOf(ctx));
  if (!login) return Fail(ctx, login.error());
  return SignedIn(*login, deps);
}

}  // namespace

void RegisterSessionRoutes(Router& router, SessionDeps deps) {
  const auto bind = HandlerBinder(std::ref(deps.accounts));
  const auto bind_deps = HandlerBinder(std::move(deps));
  router.Add("POST", "/api/v1/session", bind_deps(LogIn), kPublic);
  router.Add("GET", "/api/v1/session", bind_deps(GetSession));
  router.Add("DELETE", "/api/v1/session", bind_deps(LogOut));

  // ---- the caller's own account ----

  router.Add("GET", "/api/v1/account", GetAccount);
  router.Add("PATCH", "/api/v1/account", bind(UpdateAccount));
  router.Add("POST", "/api/v1/account/password", bind(ChangePassword));
  router.Add("GET", "/api/v1/account/sessions", bind(ListOwnSessions));
  router.Add("DELETE", "/api/v1/account/sessions/{session_id}", bind(EndOwnSession));
  router.Add("GET", "/api/v1/account/sign-ins", bind(ListOwnSignIns));
  router.Add("POST", "/api/v1/account/sessions/end-others", bind(EndOtherSessions));

  // ---- links by e-mail: password reset and invitations (the secret travels in the body) ----

  router.Add("POST", "/api/v1/password-reset", bind_deps(RequestPasswordReset), kPublic);
  router.Add("POST", "/api/v1/password-reset/complete", bind_deps(CompletePasswordReset), kPublic);
  router.Add("POST", "/api/v1/invitations/lookup", bind_deps(LookUpInvitation), kPublic);
  router.Add("POST", "/api/v1/invitations/accept", bind_deps(AcceptInvitation), kPublic);
}

}  // namespace aantafel::http
