#include <nlohmann/json.hpp>

#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "http/middleware.hpp"

namespace aantafel::http {

namespace {

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
                           const std::string& public_url) {
  nlohmann::json workspaces = nlohmann::json::array();
  for (const auto& m : accounts.VisibleWorkspaces(principal)) {
    workspaces.push_back(WorkspaceView(m.workspace, m.role));
  }
  nlohmann::json body = {
      {"user", UserView(principal.user)},
      {"workspaces", workspaces},
      // Links on posters, QR codes and calendar feeds start with this address.
      {"public_url", {{"url", public_url}, {"local_only", IsLocalOnly(public_url)}}}};
  if (principal.via == core::accounts::Principal::Via::kSession) {
    body["csrf_token"] = principal.csrf_token;
  }
  return body;
}

}  // namespace

void RegisterSessionRoutes(Router& router, SessionDeps deps) {
  auto& accounts = deps.accounts;

  router.Add("POST", "/api/v1/session",
             [&accounts, deps](RequestContext& ctx) {
               auto body = JsonObjectReader::Parse(ctx.request);
               if (!body) return Fail(ctx, body.error());
               auto email = body->String("email", true, 1024);
               auto password = body->String("password", true, 4096);
               if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
               auto login = accounts.Login(*email, *password, ctx.request.remote_address);
               if (!login) {
                 const auto code = login.error().code;
                 if (code == core::ErrorCode::kRateLimited ||
                     code == core::ErrorCode::kInvalidCredentials) {
                   // The account by a hash of its lower-cased address: enough to follow one
                   // account's refusals without writing addresses into the log.
                   std::string account = *email;
                   for (char& c : account) {
                     c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                   }
                   deps.log_security("login refused: " + std::string(core::ToString(code)) +
                                     " account=" + deps.crypto.Sha256Hex(account).substr(0, 16) +
                                     " address=" + ctx.request.remote_address +
                                     " request=" + ctx.request.request_id);
                 }
                 return Fail(ctx, login.error());
               }
               core::accounts::Principal principal{.user = login->user,
                                                   .via = core::accounts::Principal::Via::kSession,
                                                   .csrf_token = login->session.csrf_token,
                                                   .workspace_id = std::nullopt};
               HttpResponse response =
                   JsonResponse(201, SessionView(accounts, principal, deps.public_url));
               response.headers.Add("Set-Cookie",
                                    SetCookieValue({.name = std::string(kSessionCookie),
                                                    .value = login->token,
                                                    .max_age = deps.session_ttl,
                                                    .http_only = true,
                                                    .secure = deps.secure_cookies}));
               return response;
             },
             {.access = Access::kPublic});

  router.Add("GET", "/api/v1/session", [&accounts, deps](RequestContext& ctx) {
    return JsonResponse(200, SessionView(accounts, *ctx.principal, deps.public_url));
  });

  router.Add("DELETE", "/api/v1/session", [&accounts, deps](RequestContext& ctx) {
    if (auto cookies = ctx.request.headers.Get("Cookie")) {
      if (auto token = FindCookie(*cookies, kSessionCookie)) accounts.Logout(*token);
    }
    HttpResponse response = HttpResponse::NoContent();
    response.headers.Add("Set-Cookie", SetCookieValue({.name = std::string(kSessionCookie),
                                                       .value = "",
                                                       .max_age = std::chrono::seconds(0),
                                                       .http_only = true,
                                                       .secure = deps.secure_cookies}));
    return response;
  });
}

}  // namespace aantafel::http
