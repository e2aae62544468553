#include <nlohmann/json.hpp>

#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "http/middleware.hpp"

namespace aantafel::http {

namespace {

const RouteOptions kPublic{.access = Access::kPublic};

constexpr std::string_view kSsoCookie = "aantafel_sso";
constexpr std::size_t kMaxMappings = 100;

nlohmann::json WorkspaceSsoView(const core::accounts::WorkspaceSso& settings, bool enabled) {
  nlohmann::json mappings = nlohmann::json::array();
  for (const auto& m : settings.mappings) {
    mappings.push_back({{"group", m.group}, {"role", core::accounts::ToString(m.role)}});
  }
  return {{"enabled", enabled}, {"sso_only", settings.sso_only}, {"mappings", mappings}};
}

/// The first word of a refusal's detail ("domain_not_allowed: …" → "domain_not_allowed").
std::string Reason(const core::Error& error) {
  if (error.code == core::ErrorCode::kLinkExpired) return "link_expired";
  if (error.code == core::ErrorCode::kUnavailable) return "provider_unavailable";
  std::string reason = error.detail.substr(0, error.detail.find(':'));
  for (const char c : reason) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return "refused";
  }
  return reason.empty() ? "refused" : reason;
}

HttpResponse SeeOther(const std::string& location) {
  HttpResponse response;
  response.status = 303;
  response.headers.Add("Location", location);
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

HttpResponse GetSingleSignOn(const SsoDeps& deps, RequestContext&) {
  return JsonResponse(200, {{"enabled", deps.sso.enabled()}, {"label", deps.button_label}});
}

HttpResponse StartSingleSignOn(const SsoDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto return_to = body->String("return_to", false, 2048);
  auto invitation = body->String("invitation", false, 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto started = deps.sso.Start(return_to.value_or("/"), invitation.value_or(""));
  if (!started) return Fail(ctx, started.error());
  HttpResponse response = JsonResponse(200, {{"redirect_url", started->redirect_url}});
  // Lax, so the browser sends it when the provider sends it back (a top-level GET).
  response.headers.Add("Set-Cookie", SetCookieValue({.name = std::string(kSsoCookie),
                                                     .value = started->cookie,
                                                     .max_age = std::chrono::minutes(10),
                                                     .http_only = true,
                                                     .secure = deps.secure_cookies}));
  return response;
}

HttpResponse FinishSingleSignOn(const SsoDeps& deps, RequestContext& ctx) {
  std::string cookie;
  if (auto cookies = ctx.request.headers.Get("Cookie")) {
    if (auto value = FindCookie(*cookies, kSsoCookie)) cookie = std::string(*value);
  }
  auto param = [&](std::string_view name) {
    return std::string(ctx.request.Query(name).value_or("")).substr(0, 4096);
  };
  const core::accounts::ClientInfo client{
      .address = ctx.request.remote_address,
      .user_agent = std::string(ctx.request.headers.Get("User-Agent").value_or(""))};
  auto finished =
      deps.sso.Finish(cookie, param("state"), param("code"), param("iss"), param("error"), client);
  const std::string clear = SetCookieValue({.name = std::string(kSsoCookie),
                                            .value = "",
                                            .max_age = std::chrono::seconds(0),
                                            .http_only = true,
                                            .secure = deps.secure_cookies});
  if (!finished) {
    const std::string reason = Reason(finished.error());
    deps.log_security("sso refused: " + finished.error().detail.substr(0, 200) + " address=" +
                      ctx.request.remote_address + " request=" + ctx.request.request_id);
    HttpResponse response = SeeOther("/login?sso_error=" + reason);
    response.headers.Add("Set-Cookie", clear);
    return response;
  }
  HttpResponse response = SeeOther(finished->return_to);
  response.headers.Add("Set-Cookie", clear);
  response.headers.Add("Set-Cookie", SetCookieValue({.name = std::string(kSessionCookie),
                                                     .value = finished->login.token,
                                                     .max_age = deps.session_ttl,
                                                     .http_only = true,
                                                     .secure = deps.secure_cookies}));
  return response;
}

HttpResponse GetWorkspaceSingleSignOn(core::accounts::SsoService& sso, RequestContext& ctx) {
  auto settings = sso.Load(*ctx.workspace);
  if (!settings) return Fail(ctx, settings.error());
  return JsonResponse(200, WorkspaceSsoView(*settings, sso.enabled()));
}

HttpResponse SaveWorkspaceSingleSignOn(core::accounts::SsoService& sso, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto sso_only = body->Boolean("sso_only", true);
  std::vector<std::pair<std::string, std::string>> pairs;
  auto mappings = body->ObjectList<std::pair<std::string, std::string>>(
      "mappings", kMaxMappings,
      [](JsonObjectReader& item) -> std::optional<std::pair<std::string, std::string>> {
        auto group = item.String("group", true, 1024);
        auto role = item.String("role", true, 32);
        if (!group || !role) return std::nullopt;
        return std::pair{*group, *role};
      });
  const bool has_mappings = body->Has("mappings");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  if (!has_mappings) {
    return Fail(ctx, core::Error::Field("mappings", core::FieldIssue::kRequired));
  }
  auto saved = sso.Save(*ctx.workspace, *sso_only, mappings.value_or(pairs));
  if (!saved) return Fail(ctx, saved.error());
  return JsonResponse(200, WorkspaceSsoView(*saved, sso.enabled()));
}

}  // namespace

void RegisterSsoRoutes(Router& router, SsoDeps deps) {
  const auto bind = HandlerBinder(std::ref(deps.sso));
  const auto bind_deps = HandlerBinder(std::move(deps));
  router.Add("GET", "/api/v1/sso", bind_deps(GetSingleSignOn), kPublic);
  router.Add("POST", "/api/v1/sso/start", bind_deps(StartSingleSignOn), kPublic);
  router.Add("GET", "/api/v1/sso/callback", bind_deps(FinishSingleSignOn), kPublic);
  router.Add("GET", "/api/v1/workspaces/{slug}/sso", bind(GetWorkspaceSingleSignOn),
             {.access = Access::kWorkspace});
  router.Add("PUT", "/api/v1/workspaces/{slug}/sso", bind(SaveWorkspaceSingleSignOn),
             {.access = Access::kWorkspace});
}

}  // namespace aantafel::http
