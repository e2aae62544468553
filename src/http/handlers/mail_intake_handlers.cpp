// Dossiermail: an e-mail message filed into the dossier as a contact. The upload body is the
// message itself (a .eml file); its name comes in the query string, as for documents.
#include <nlohmann/json.hpp>

#include "http/errors.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using core::mail_intake::MailIntakeService;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kUpload{.access = Access::kWorkspace, .file_upload = true};

json FilingView(const core::mail_intake::MailFiling& filing, Language language) {
  json people = json::array();
  for (const auto& p : filing.people) {
    people.push_back({{"id", p.person_id}, {"name", p.name}, {"address", p.address}});
  }
  json staff = json::array();
  for (const auto& m : filing.staff) {
    staff.push_back({{"user_id", m.user_id}, {"address", m.address}});
  }
  json unmatched = json::array();
  for (const auto& a : filing.unmatched) {
    unmatched.push_back({{"name", a.name}, {"address", a.address}});
  }
  json skipped = json::array();
  for (const auto& s : filing.skipped_files) {
    skipped.push_back({{"name", s.name},
                       {"code", core::ToString(s.reason.issue)},
                       {"message", FieldMessage(s.reason, language)}});
  }
  return {{"interaction_id", filing.interaction_id},
          {"already_filed", filing.already_filed},
          {"people", std::move(people)},
          {"staff", std::move(staff)},
          {"unmatched", std::move(unmatched)},
          {"files", filing.files},
          {"skipped_files", std::move(skipped)}};
}

HttpResponse FileMessage(MailIntakeService& mail_intake, RequestContext& ctx) {
  auto filing =
      mail_intake.Import(*ctx.workspace, ctx.request.Query("name").value_or(""), ctx.request.body);
  if (!filing) return Fail(ctx, filing.error());
  return JsonResponse(filing->already_filed ? 200 : 201, FilingView(*filing, ctx.language));
}

json AddressOrNull(const std::optional<core::mail_intake::MailAddress>& address) {
  if (!address) return nullptr;
  return {{"name", address->name}, {"address", address->address}};
}

json ReviewView(const core::mail_intake::ReviewItem& item) {
  const auto& review = item.review;
  json addresses = json::array();
  for (const auto& a : item.addresses) {
    addresses.push_back({{"name", a.address.name},
                         {"address", a.address.address},
                         {"person_id", a.person_id ? json(*a.person_id) : json(nullptr)},
                         {"person_name", a.person_id ? json(a.person_name) : json(nullptr)},
                         {"user_id", a.user_id ? json(*a.user_id) : json(nullptr)}});
  }
  json forwarded_by = nullptr;
  if (review.forwarded_by) {
    forwarded_by = {{"user_id", *review.forwarded_by}, {"name", review.forwarded_by_name}};
  }
  return {{"id", review.id},
          {"received_at", FormatTimestamp(review.received_at)},
          {"sent_at", TimestampOrNull(review.sent_at)},
          {"subject", review.subject},
          {"from", AddressOrNull(review.from)},
          {"forwarded_by", std::move(forwarded_by)},
          {"preview", review.preview},
          {"addresses", std::move(addresses)},
          {"files", review.files}};
}

HttpResponse ListReviews(MailIntakeService& mail_intake, RequestContext& ctx) {
  auto inbox = mail_intake.Reviews(*ctx.workspace);
  if (!inbox) return Fail(ctx, inbox.error());
  json items = json::array();
  for (const auto& item : inbox->items) items.push_back(ReviewView(item));
  return JsonResponse(200,
                      {{"address", inbox->address.empty() ? json(nullptr) : json(inbox->address)},
                       {"items", std::move(items)},
                       {"total", inbox->total}});
}

HttpResponse FileReview(MailIntakeService& mail_intake, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "review_id");
  if (!id) return Fail(ctx, id.error());
  auto filing = mail_intake.FileReview(*ctx.workspace, *id);
  if (!filing) return Fail(ctx, filing.error());
  return JsonResponse(filing->already_filed ? 200 : 201, FilingView(*filing, ctx.language));
}

HttpResponse DiscardReview(MailIntakeService& mail_intake, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "review_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = mail_intake.DiscardReview(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

}  // namespace

void RegisterMailIntakeRoutes(Router& router, MailIntakeService& mail_intake) {
  router.Add("POST", "/api/v1/workspaces/{slug}/mail-intake",
             HandlerBinder(std::ref(mail_intake))(FileMessage), kUpload);
  const auto bind = HandlerBinder(std::ref(mail_intake));
  const std::string reviews = "/api/v1/workspaces/{slug}/mail-intake/reviews";
  router.Add("GET", reviews, bind(ListReviews), kMember);
  router.Add("DELETE", reviews + "/{review_id}", bind(DiscardReview), kMember);
  router.Add("POST", reviews + "/{review_id}/file", bind(FileReview), kMember);
}

}  // namespace aantafel::http
