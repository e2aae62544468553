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

nlohmann::json InvitationView(const core::accounts::Invitation& i, core::Instant now) {
  nlohmann::json view = {{"id", i.id},
                         {"email", i.email},
                         {"role", core::accounts::ToString(i.role)},
                         {"language", core::ToTag(i.language)},
                         {"invited_by", i.invited_by_name},
                         {"created_at", FormatTimestamp(i.created_at)},
                         {"expires_at", FormatTimestamp(i.expires_at)},
                         {"expired", i.expires_at <= now},
                         {"sent_at", nullptr}};
  if (i.sent_at) view["sent_at"] = FormatTimestamp(*i.sent_at);
  return view;
}

/// 201/200 with the invitation, whether the e-mail left, and the link when it did not.
HttpResponse SentView(int status, const core::accounts::InvitationSent& sent, core::Instant now) {
  nlohmann::json body = {{"invitation", InvitationView(sent.invitation, now)},
                         {"mailed", sent.mailed}};
  if (!sent.mailed) body["link"] = sent.link;
  return JsonResponse(status, body);
}

HttpResponse ListWorkspaces(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : accounts.VisibleWorkspaces(*ctx.principal)) {
    items.push_back(WorkspaceView(m.workspace, m.role));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse GetWorkspace(RequestContext& ctx) {
  return JsonResponse(200, WorkspaceView(ctx.workspace->workspace, ctx.workspace->role));
}

HttpResponse UpdateWorkspace(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto name = body->String("name");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto renamed = accounts.RenameWorkspace(*ctx.workspace, *name);
  if (!renamed) return Fail(ctx, renamed.error());
  return JsonResponse(200, WorkspaceView(*renamed, ctx.workspace->role));
}

HttpResponse ListMembers(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto members = accounts.ListMembers(*ctx.workspace);
  if (!members) return Fail(ctx, members.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : *members) items.push_back(MemberView(m));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse ChangeMemberRole(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto user_id = UserIdParam(ctx);
  if (!user_id) return Fail(ctx, user_id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto role = body->String("role", true, 32);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto member = accounts.ChangeRole(*ctx.workspace, *user_id, *role);
  if (!member) return Fail(ctx, member.error());
  return JsonResponse(200, MemberView(*member));
}

HttpResponse RemoveMember(core::accounts::AccountsService& accounts, RequestContext& ctx) {
  auto user_id = UserIdParam(ctx);
  if (!user_id) return Fail(ctx, user_id.error());
  auto removed = accounts.RemoveMember(*ctx.workspace, *user_id);
  if (!removed) return Fail(ctx, removed.error());
  return HttpResponse::NoContent();
}

HttpResponse ListInvitations(core::accounts::InvitationService& invitations, RequestContext& ctx) {
  auto list = invitations.List(*ctx.workspace);
  if (!list) return Fail(ctx, list.error());
  const auto now = invitations.Now();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : *list) items.push_back(InvitationView(i, now));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse Invite(core::accounts::InvitationService& invitations, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto email = body->String("email", true, 1024);
  auto role = body->String("role", true, 32);
  auto language = body->String("language", false, 16);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto sent =
      invitations.Invite(*ctx.workspace, *email, *role,
                         language ? std::optional<std::string_view>(*language) : std::nullopt);
  if (!sent) return Fail(ctx, sent.error());
  return SentView(201, *sent, invitations.Now());
}

HttpResponse ResendInvitation(core::accounts::InvitationService& invitations, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "invitation_id");
  if (!id) return Fail(ctx, id.error());
  auto sent = invitations.Resend(*ctx.workspace, *id);
  if (!sent) return Fail(ctx, sent.error());
  return SentView(200, *sent, invitations.Now());
}

HttpResponse WithdrawInvitation(core::accounts::InvitationService& invitations,
                                RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "invitation_id");
  if (!id) return Fail(ctx, id.error());
  auto withdrawn = invitations.Withdraw(*ctx.workspace, *id);
  if (!withdrawn) return Fail(ctx, withdrawn.error());
  return HttpResponse::NoContent();
}

}  // namespace

void RegisterWorkspaceRoutes(Router& router, core::accounts::AccountsService& accounts,
                             core::accounts::InvitationService& invitations) {
  const auto bind = HandlerBinder(std::ref(accounts));
  const auto bind_invitations = HandlerBinder(std::ref(invitations));
  router.Add("GET", "/api/v1/workspaces", bind(ListWorkspaces));
  router.Add("GET", "/api/v1/workspaces/{slug}", GetWorkspace, kMember);
  router.Add("PATCH", "/api/v1/workspaces/{slug}", bind(UpdateWorkspace), kMember);
  router.Add("GET", "/api/v1/workspaces/{slug}/members", bind(ListMembers), kMember);
  router.Add("PATCH", "/api/v1/workspaces/{slug}/members/{user_id}", bind(ChangeMemberRole),
             kMember);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/members/{user_id}", bind(RemoveMember), kMember);
  router.Add("GET", "/api/v1/workspaces/{slug}/invitations", bind_invitations(ListInvitations),
             kMember);
  router.Add("POST", "/api/v1/workspaces/{slug}/invitations", bind_invitations(Invite), kMember);
  router.Add("POST", "/api/v1/workspaces/{slug}/invitations/{invitation_id}/resend",
             bind_invitations(ResendInvitation), kMember);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/invitations/{invitation_id}",
             bind_invitations(WithdrawInvitation), kMember);
}

}  // namespace aantafel::http
