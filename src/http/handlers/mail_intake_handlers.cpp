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

}  // namespace

void RegisterMailIntakeRoutes(Router& router, MailIntakeService& mail_intake) {
  router.Add("POST", "/api/v1/workspaces/{slug}/mail-intake",
             HandlerBinder(std::ref(mail_intake))(FileMessage), kUpload);
}

}  // namespace aantafel::http
