#include <nlohmann/json.hpp>

#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "http/middleware.hpp"

namespace aantafel::http {

namespace {

nlohmann::json SessionView(core::accounts::AccountsService& accounts,
                           const core::accounts::Principal& principal) {
  nlohmann::json workspaces = nlohmann::json::array();
  for (const auto& m : accounts.VisibleWorkspaces(principal)) {
    workspaces.push_back(WorkspaceView(m.workspace, m.role));
  }
  nlohmann::json body = {{"user", UserView(principal.user)}, {"workspaces", workspaces}};
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
               if (!login) return Fail(ctx, login.error());
               core::accounts::Principal principal{.user = login->user,
                                                   .via = core::accounts::Principal::Via::kSession,
                                                   .csrf_token = login->session.csrf_token,
                                                   .workspace_id = std::nullopt};
               HttpResponse response = JsonResponse(201, SessionView(accounts, principal));
               response.headers.Add("Set-Cookie",
                                    SetCookieValue({.name = std::string(kSessionCookie),
                                                    .value = login->token,
                                                    .max_age = deps.session_ttl,
                                                    .http_only = true,
                                                    .secure = deps.secure_cookies}));
               return response;
             },
             {.access = Access::kPublic});

  router.Add("GET", "/api/v1/session", [&accounts](RequestContext& ctx) {
    return JsonResponse(200, SessionView(accounts, *ctx.principal));
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
