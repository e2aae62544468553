#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};

core::Result<std::int64_t> UserIdParam(const RequestContext& ctx) {
  return PositiveIdParam(ctx, "user_id");
}

}  // namespace

void RegisterWorkspaceRoutes(Router& router, core::accounts::AccountsService& accounts) {
  router.Add("GET", "/api/v1/workspaces", [&accounts](RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : accounts.VisibleWorkspaces(*ctx.principal)) {
      items.push_back(WorkspaceView(m.workspace, m.role));
    }
    return JsonResponse(200, {{"items", items}});
  });

  router.Add(
      "GET", "/api/v1/workspaces/{slug}",
      [](RequestContext& ctx) {
        return JsonResponse(200, WorkspaceView(ctx.workspace->workspace, ctx.workspace->role));
      },
      kMember);

  router.Add(
      "PATCH", "/api/v1/workspaces/{slug}",
      [&accounts](RequestContext& ctx) {
        auto body = JsonObjectReader::Parse(ctx.request);
        if (!body) return Fail(ctx, body.error());
        auto name = body->String("name");
        if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
        auto renamed = accounts.RenameWorkspace(*ctx.workspace, *name);
        if (!renamed) return Fail(ctx, renamed.error());
        return JsonResponse(200, WorkspaceView(*renamed, ctx.workspace->role));
      },
      kMember);

  router.Add(
      "GET", "/api/v1/workspaces/{slug}/members",
      [&accounts](RequestContext& ctx) {
        auto members = accounts.ListMembers(*ctx.workspace);
        if (!members) return Fail(ctx, members.error());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& m : *members) items.push_back(MemberView(m));
        return JsonResponse(200, {{"items", items}});
      },
      kMember);

  router.Add(
      "POST", "/api/v1/workspaces/{slug}/members",
      [&accounts](RequestContext& ctx) {
        auto body = JsonObjectReader::Parse(ctx.request);
        if (!body) return Fail(ctx, body.error());
        auto email = body->String("email", true, 1024);
        auto role = body->String("role", true, 32);
        if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
        auto member = accounts.AddMember(*ctx.workspace, *email, *role);
        if (!member) return Fail(ctx, member.error());
        return JsonResponse(201, MemberView(*member));
      },
      kMember);

  router.Add(
      "PATCH", "/api/v1/workspaces/{slug}/members/{user_id}",
      [&accounts](RequestContext& ctx) {
        auto user_id = UserIdParam(ctx);
        if (!user_id) return Fail(ctx, user_id.error());
        auto body = JsonObjectReader::Parse(ctx.request);
        if (!body) return Fail(ctx, body.error());
        auto role = body->String("role", true, 32);
        if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
        auto member = accounts.ChangeRole(*ctx.workspace, *user_id, *role);
        if (!member) return Fail(ctx, member.error());
        return JsonResponse(200, MemberView(*member));
      },
      kMember);

  router.Add(
      "DELETE", "/api/v1/workspaces/{slug}/members/{user_id}",
      [&accounts](RequestContext& ctx) {
        auto user_id = UserIdParam(ctx);
        if (!user_id) return Fail(ctx, user_id.error());
        auto removed = accounts.RemoveMember(*ctx.workspace, *user_id);
        if (!removed) return Fail(ctx, removed.error());
        return HttpResponse::NoContent();
      },
      kMember);
}

}  // namespace aantafel::http
