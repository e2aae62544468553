#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

namespace {

HttpResponse ListTokens(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto tokens = accounts.ListApiTokens(*ctx.workspace);
  if (!tokens) return Fail(ctx, tokens.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : *tokens) items.push_back(TokenView(t));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse CreateToken(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto label = body->String("label", true, 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto issued = accounts.IssueApiToken(*ctx.workspace, *label);
  if (!issued) return Fail(ctx, issued.error());
  nlohmann::json view = TokenView(issued->info);
  view["token"] = issued->secret;  // shown once, never stored
  return JsonResponse(201, view);
}

HttpResponse RevokeToken(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "token_id");
  if (!id) return Fail(ctx, id.error());
  auto revoked = accounts.RevokeApiToken(*ctx.workspace, *id);
  if (!revoked) return Fail(ctx, revoked.error());
  return HttpResponse::NoContent();
}

}  // namespace

void RegisterTokenRoutes(Router& router, core::accounts::AccountsService& accounts) {
  const RouteOptions member{.access = Access::kWorkspace};

  const auto bind = HandlerBinder(std::ref(accounts));
  router.Add("GET", "/api/v1/workspaces/{slug}/tokens", bind(ListTokens), member);
  router.Add("POST", "/api/v1/workspaces/{slug}/tokens", bind(CreateToken), member);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/tokens/{token_id}", bind(RevokeToken), member);
}

}  // namespace aantafel::http
