// Samenwerkingsscan: scans from the knowledge base's templates, personal links, results with
// gaps first and anonymity thresholds, repeat measurements, improvement steps as agreements; the
// public respondent page /s/{token}; and the waardecasus (value case) with its arithmetic.
#include <nlohmann/json.hpp>
#include <set>

#include "core/link_mail/mails.hpp"
#include "core/scans/service.hpp"
#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/public_page.hpp"
#include "http/handlers/scan_page.hpp"
#include "http/handlers/survey_page.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

using core::scans::Answer;
using core::scans::ScanService;
using core::scans::ScanSummary;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kOpen{.access = Access::kPublic};
constexpr std::size_t kMaxAnswerBody = 256 * 1024;  // ~30 statements with 2000-character comments

json Nullable(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Text(const core::calendar::Text& t) { return {{"nl", t.nl}, {"en", t.en}}; }

json ScanView(const ScanSummary& s, const core::scans::ScanKnowledge& knowledge, bool english) {
  const auto* tmpl = knowledge.Find(s.scan.template_id);
  return {{"id", s.scan.id},
          {"title", s.scan.title},
          {"collaboration", s.scan.collaboration},
          {"template_id", s.scan.template_id},
          {"template_title", tmpl ? (english ? tmpl->title.en : tmpl->title.nl) : ""},
          {"status", ToString(s.scan.status)},
          {"previous_scan_id",
           s.scan.previous_scan_id ? json(*s.scan.previous_scan_id) : json(nullptr)},
          {"invited", s.invited},
          {"answered", s.answered},
          {"created_at", FormatTimestamp(s.scan.created_at)},
          {"closed_at", TimestampOrNull(s.scan.closed_at)}};
}

json RespondentView(const core::scans::Respondent& r, core::Instant now) {
  const char* status = r.submitted_at ? "answered" : now >= r.expires_at ? "expired" : "invited";
  return {{"id", r.id},
          {"organisation", r.organisation},
          {"label", r.label},
          {"status", status},
          {"expires_at", FormatTimestamp(r.expires_at)},
          {"submitted_at", TimestampOrNull(r.submitted_at)},
          {"updated_at", TimestampOrNull(r.updated_at)},
          {"mail", MailStatusView(r.mail)}};
}

json ResultsJson(const core::scans::ResultsView& v, const core::scans::ScanKnowledge& knowledge,
                 bool english) {
  const auto& r = v.results;
  json organisations = json::array();
  for (const auto& o : r.organisations) {
    organisations.push_back(
        {{"organisation", o.organisation}, {"respondents", o.respondents}, {"shown", o.shown}});
  }
  json statements = json::array();
  for (const auto& s : r.statements) {
    json per_org = json::array();
    for (const auto& o : s.organisations) {
      per_org.push_back({{"organisation", o.organisation},
                         {"mean", Nullable(o.score.mean)},
                         {"respondents", o.score.respondents},
                         {"dont_know", o.score.dont_know}});
    }
    statements.push_back({{"statement_id", s.statement_id},
                          {"dimension_id", s.dimension_id},
                          {"mean", Nullable(s.overall.mean)},
                          {"respondents", s.overall.respondents},
                          {"dont_know", s.overall.dont_know},
                          {"spread", Nullable(s.spread)},
                          {"organisation_difference", Nullable(s.organisation_difference)},
                          {"organisations", per_org}});
  }
  json dimensions = json::array();
  for (const auto& d : r.dimensions) {
    json per_org = json::array();
    for (const auto& [name, mean] : d.organisations) {
      per_org.push_back({{"organisation", name}, {"mean", Nullable(mean)}});
    }
    dimensions.push_back({{"dimension_id", d.dimension_id},
                          {"mean", Nullable(d.overall)},
                          {"organisations", per_org}});
  }
  const auto* tmpl = knowledge.Find(v.scan.scan.template_id);
  json weakest = json::array();
  for (const auto& id : r.weakest) {
    const auto* statement = tmpl ? tmpl->FindStatement(id) : nullptr;
    double mean = 0.0;
    for (const auto& s : r.statements) {
      if (s.statement_id == id && s.overall.mean) mean = *s.overall.mean;
    }
    weakest.push_back({{"statement_id", id},
                       {"mean", mean},
                       {"action", statement ? Text(statement->action) : Text({})}});
  }
  json comments = json::array();
  for (const auto& c : v.comments) {
    comments.push_back({{"statement_id", c.statement_id}, {"text", c.text}});
  }
  json changes = json::array();
  for (const auto& c : v.changes) {
    changes.push_back({{"dimension_id", c.dimension_id},
                       {"before", Nullable(c.before)},
                       {"now", Nullable(c.now)},
                       {"change", Nullable(c.change)}});
  }
  return {{"scan", ScanView(v.scan, knowledge, english)},
          {"respondents", r.respondents},
          {"shown", r.shown},
          {"min_respondents", core::scans::kMinRespondentsShown},
          {"organisations", organisations},
          {"statements", statements},
          {"dimensions", dimensions},
          {"gaps", r.gaps},
          {"weakest", weakest},
          {"comments", comments},
          {"previous", v.previous ? ScanView(*v.previous, knowledge, english) : json(nullptr)},
          {"changes", changes}};
}

json TemplatesJson(const core::scans::ScanKnowledge& k) {
  json items = json::array();
  for (const auto& t : k.templates) {
    json dimensions = json::array();
    for (const auto& d : t.dimensions) {
      json statements = json::array();
      for (const auto& s : d.statements) {
        statements.push_back({{"id", s.id}, {"text", Text(s.text)}, {"action", Text(s.action)}});
      }
      dimensions.push_back({{"id", d.id}, {"title", Text(d.title)}, {"statements", statements}});
    }
    json source = {{"id", t.source}, {"title", ""}, {"publisher", ""}, {"year", nullptr}};
    if (auto it = k.sources.find(t.source); it != k.sources.end()) {
      source = {{"id", t.source},
                {"title", it->second.title},
                {"publisher", it->second.publisher},
                {"year", it->second.year > 0 ? json(it->second.year) : json(nullptr)}};
    }
    items.push_back({{"id", t.id},
                     {"title", Text(t.title)},
                     {"intro", Text(t.intro)},
                     {"source", source},
                     {"dimensions", dimensions}});
  }
  return {{"scale", {{"nl", k.scale_nl}, {"en", k.scale_en}}},
          {"dont_know", Text(k.dont_know)},
          {"items", items}};
}

json ValueCaseView(const core::scans::ValueCase& v) {
  json out = core::scans::ValueCaseJson(v);
  const auto f = core::scans::ComputeReturn(v);
  json break_even = json::array();
  for (const auto& b : f.break_even_events) break_even.push_back(Nullable(b));
  out["id"] = v.id;
  out["created_at"] = FormatTimestamp(v.created_at);
  out["updated_at"] = FormatTimestamp(v.updated_at);
  out["figures"] = {{"line_totals", f.line_totals},
                    {"avoided_total", f.avoided_total},
                    {"net", f.net},
                    {"return_per_euro", Nullable(f.return_per_euro)},
                    {"break_even_events", break_even},
                    {"activation_share", Nullable(f.activation_share)}};
  return out;
}

core::Result<core::scans::ScanInput> ReadScan(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  core::scans::ScanInput in;
  in.title = body->String("title", false, 4096);
  in.collaboration = body->String("collaboration", false, 4096);
  in.template_id = body->String("template_id", false, 128);
  in.status = body->String("status", false, 32);
  if (auto done = body->Finish(); !done) return done.error();
  return in;
}

core::Result<core::scans::ValueCase> ReadValueCase(const HttpRequest& request) {
  if (auto checked = JsonObjectReader::Parse(request); !checked) return checked.error();
  return core::scans::ParseValueCase(json::parse(request.body, nullptr, false));
}

/// The answers of POST /s/{token}: "a.<statement>" = 1…5 or "dk", "c.<statement>" = comment,
/// "lang"; from a form or from JSON with the same names.
struct AnswersBody {
  std::vector<Answer> answers;
  bool json = false;
  bool english = false;
};

/// A JSON answer as the form would send it: a score may be a number.
std::optional<std::string> AnswerText(const std::string& /*name*/, const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return std::nullopt;
}

core::Result<AnswersBody> ReadAnswers(const HttpRequest& request) {
  auto body = ReadPublicForm(request, kMaxAnswerBody, AnswerText);
  if (!body) return body.error();
  AnswersBody out;
  out.json = body->json;
  std::map<std::string, Answer> by_statement;
  std::map<std::string, std::string> comments;
  core::FieldErrors errors;
  std::set<std::string> seen;
  for (auto& [key, value] : body->fields) {
    if (!seen.insert(key).second) continue;  // the first value counts
    if (!core::IsValidUtf8(key) || !core::IsValidUtf8(value)) {
      errors.Add("body", core::FieldIssue::kInvalidUtf8);
      continue;
    }
    if (key.starts_with("a.") && key.size() > 2 && key.size() <= 66) {
      const std::string id = key.substr(2);
      Answer a{.statement_id = id, .score = std::nullopt, .comment = ""};
      if (value == "dk") {
        by_statement[id] = a;
      } else if (value.size() == 1 && value[0] >= '1' && value[0] <= '5') {
        a.score = value[0] - '0';
        by_statement[id] = a;
      } else if (!value.empty()) {
        errors.Add("answers." + id, core::FieldIssue::kInvalidChoice);
      }
    } else if (key.starts_with("c.") && key.size() > 2 && key.size() <= 66) {
      comments[key.substr(2)] = value;
    } else if (key == "lang") {
      out.english = value == "en";
    } else if (out.json) {
      errors.Add(key, core::FieldIssue::kUnknownField);
    }
  }
  if (!errors.empty() && out.json) return std::move(errors).ToError();
  for (auto& [id, text] : comments) {
    auto it = by_statement.find(id);
    if (it != by_statement.end()) {
      it->second.comment = std::move(text);
    } else if (!text.empty()) {
      // A comment without an answer: keep it for the form, the service names the statement.
      by_statement[id] = Answer{.statement_id = id, .score = 0, .comment = std::move(text)};
    }
  }
  for (auto& [id, a] : by_statement) out.answers.push_back(std::move(a));
  return out;
}

HttpResponse TooMany(const core::Error& error, bool english) {
  return HtmlPage(error, ScanNoticePage(ScanNotice::kTooMany, english));
}

/// What inviting respondents and turning a step into an agreement need besides the scans.
struct ScanDeps {
  ScanService& scans;
  core::relations::RelationsService& relations;
  std::string public_url;
};

bool English(const RequestContext& ctx) { return ctx.language == Language::kEnglish; }

HttpResponse ListScanTemplates(ScanService& scans, RequestContext&) {
  return JsonResponse(200, TemplatesJson(scans.knowledge()));
}

HttpResponse ListScans(ScanService& scans, RequestContext& ctx) {
  json items = json::array();
  for (const auto& s : scans.ListScans(*ctx.workspace)) {
    items.push_back(ScanView(s, scans.knowledge(), English(ctx)));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse CreateScan(ScanService& scans, RequestContext& ctx) {
  auto input = ReadScan(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto created = scans.CreateScan(*ctx.workspace, *input);
  if (!created) return Fail(ctx, created.error());
  return JsonResponse(201, ScanView(*created, scans.knowledge(), English(ctx)));
}

HttpResponse GetScan(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto found = scans.GetScan(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, ScanView(*found, scans.knowledge(), English(ctx)));
}

HttpResponse UpdateScan(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto input = ReadScan(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto changed = scans.UpdateScan(*ctx.workspace, *id, *input);
  if (!changed) return Fail(ctx, changed.error());
  return JsonResponse(200, ScanView(*changed, scans.knowledge(), English(ctx)));
}

HttpResponse DeleteScan(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = scans.DeleteScan(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse RepeatScan(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  std::optional<std::string> title;
  if (!ctx.request.body.empty()) {
    auto body = JsonObjectReader::Parse(ctx.request);
    if (!body) return Fail(ctx, body.error());
    title = body->String("title", false, 4096);
    if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  }
  auto created = scans.Repeat(*ctx.workspace, *id, title);
  if (!created) return Fail(ctx, created.error());
  return JsonResponse(201, ScanView(*created, scans.knowledge(), English(ctx)));
}

HttpResponse ListScanRespondents(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto list = scans.ListRespondents(*ctx.workspace, *id);
  if (!list) return Fail(ctx, list.error());
  json items = json::array();
  for (const auto& r : *list) items.push_back(RespondentView(r, scans.Now()));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse InviteScanRespondents(const ScanDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto invitees = body->ObjectList<core::scans::Invitee>(
      "invitees", 200, [](JsonObjectReader& item) -> std::optional<core::scans::Invitee> {
        return core::scans::Invitee{
            .organisation = item.String("organisation", true, 4096).value_or(""),
            .label = item.String("label", false, 4096).value_or(""),
            .email = item.String("email", false, 1024).value_or("")};
      });
  std::optional<int> days;
  if (auto d = body->Integer("expires_in_days", false)) {
    days = static_cast<int>(std::clamp<std::int64_t>(*d, -1, 100000));
  }
  auto mail = ReadMailRequest(*body);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  if (!mail) return Fail(ctx, mail.error());
  auto invited = deps.scans.Invite(
      *ctx.workspace, *id, invitees.value_or(std::vector<core::scans::Invitee>{}), days, *mail);
  if (!invited) return Fail(ctx, invited.error());
  json items = json::array();
  for (const auto& i : *invited) {
    items.push_back({{"respondent", RespondentView(i.respondent, deps.scans.Now())},
                     {"url", core::link_mail::LinkUrl(deps.public_url,
                                                      core::link_mail::LinkKind::kScan, i.token)},
                     {"mailed", i.mailed}});
  }
  return JsonResponse(201, {{"items", items}});
}

HttpResponse RevokeScanRespondent(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto respondent = PositiveIdParam(ctx, "respondent_id");
  if (!respondent) return Fail(ctx, respondent.error());
  if (auto done = scans.RevokeRespondent(*ctx.workspace, *id, *respondent); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse GetScanResults(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto results = scans.Results(*ctx.workspace, *id);
  if (!results) return Fail(ctx, results.error());
  return JsonResponse(200, ResultsJson(*results, scans.knowledge(), English(ctx)));
}

/// An improvement step of the scan's weakest statement as a concept agreement.
HttpResponse AgreementFromScan(const ScanDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scan_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const std::string statement_id = body->String("statement_id", true, 128).value_or("");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto scan = deps.scans.GetScan(*ctx.workspace, *id);
  if (!scan) return Fail(ctx, scan.error());
  const auto* tmpl = deps.scans.knowledge().Find(scan->scan.template_id);
  const auto* statement = tmpl ? tmpl->FindStatement(statement_id) : nullptr;
  if (statement == nullptr) {
    return Fail(ctx, core::Error::Field("statement_id", core::FieldIssue::kUnknownValue));
  }
  const bool en = English(ctx);
  const std::string action = en ? statement->action.en : statement->action.nl;
  const std::string title = core::TruncateUtf8(action, 190);
  core::relations::AgreementPatch patch;
  patch.title = title.size() < action.size() ? title + "…" : title;
  patch.description = action + "\n\n" +
                      (en ? "From the partnership scan “"
                          : "Uit de "
                            "samenwerkingsscan “") +
                      scan->scan.title + "” (" + scan->scan.collaboration +
                      "): " + (en ? statement->text.en : statement->text.nl);
  patch.status = "concept";
  auto added = deps.relations.AddAgreement(*ctx.workspace, patch);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, AgreementJson(*added, deps.relations.Today()));
}

HttpResponse ListValueCases(ScanService& scans, RequestContext& ctx) {
  json items = json::array();
  for (const auto& v : scans.ListValueCases(*ctx.workspace)) items.push_back(ValueCaseView(v));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddValueCase(ScanService& scans, RequestContext& ctx) {
  auto value_case = ReadValueCase(ctx.request);
  if (!value_case) return Fail(ctx, value_case.error());
  auto added = scans.AddValueCase(*ctx.workspace, std::move(*value_case));
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, ValueCaseView(*added));
}

HttpResponse GetValueCase(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "value_case_id");
  if (!id) return Fail(ctx, id.error());
  auto found = scans.GetValueCase(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, ValueCaseView(*found));
}

HttpResponse ReplaceValueCase(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "value_case_id");
  if (!id) return Fail(ctx, id.error());
  auto value_case = ReadValueCase(ctx.request);
  if (!value_case) return Fail(ctx, value_case.error());
  auto replaced = scans.ReplaceValueCase(*ctx.workspace, *id, std::move(*value_case));
  if (!replaced) return Fail(ctx, replaced.error());
  return JsonResponse(200, ValueCaseView(*replaced));
}

HttpResponse DeleteValueCase(ScanService& scans, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "value_case_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = scans.DeleteValueCase(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

// ---- the public respondent page ----

/// GET /s/{token}: a respondent's questionnaire, or a notice (closed, expired, unknown).
HttpResponse ScanRespondentPage(ScanService& scans, RequestContext& ctx) {
  const bool en = WantsEnglish(ctx, ctx.request.Query("lang").value_or(""));
  auto page = scans.OpenLink(ctx.params.Get("token"), ctx.request.remote_address);
  if (!page) {
    if (page.error().code == core::ErrorCode::kRateLimited) return TooMany(page.error(), en);
    return HtmlPage(404, ScanNoticePage(ScanNotice::kUnknown, en));
  }
  if (page->state == core::scans::LinkState::kClosed) {
    return HtmlPage(200, ScanNoticePage(ScanNotice::kClosed, en));
  }
  if (page->state == core::scans::LinkState::kExpired) {
    return HtmlPage(200, ScanNoticePage(ScanNotice::kExpired, en));
  }
  return HtmlPage(200, ScanFormPage(*page, scans.knowledge(), std::string(ctx.params.Get("token")),
                                    en, page->answers, {}));
}

/// POST /s/{token}: answers from the form (an HTML page back) or as JSON (204).
HttpResponse SubmitScanAnswers(ScanService& scans, RequestContext& ctx) {
  const std::string token(ctx.params.Get("token"));
  auto body = ReadAnswers(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const bool en = body->json ? ctx.language == Language::kEnglish : body->english;
  auto saved = scans.Submit(token, body->answers, ctx.request.remote_address);
  if (body->json) {
    if (!saved) return Fail(ctx, saved.error());
    return HttpResponse::NoContent();
  }
  if (saved) return HtmlPage(200, ScanThanksPage(token, en));
  const core::Error& error = saved.error();
  switch (error.code) {
    case core::ErrorCode::kRateLimited: return TooMany(error, en);
    case core::ErrorCode::kNotFound: return HtmlPage(404, ScanNoticePage(ScanNotice::kUnknown, en));
    case core::ErrorCode::kConflict: {
      auto page = scans.OpenLink(token, ctx.request.remote_address);
      const bool expired = page && page->state == core::scans::LinkState::kExpired;
      return HtmlPage(409,
                      ScanNoticePage(expired ? ScanNotice::kExpired : ScanNotice::kClosed, en));
    }
    case core::ErrorCode::kInvalidInput: {
      auto page = scans.OpenLink(token, ctx.request.remote_address);
      if (!page) return HtmlPage(404, ScanNoticePage(ScanNotice::kUnknown, en));
      return HtmlPage(
          422, ScanFormPage(*page, scans.knowledge(), token, en, body->answers, error.fields));
    }
    default: return HtmlPage(error, ScanNoticePage(ScanNotice::kStoreFailed, en));
  }
}

}  // namespace

void RegisterScanRoutes(Router& router, ScanService& scans,
                        core::relations::RelationsService& relations,
                        const std::string& public_url) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(scans));
  const auto bind_deps = HandlerBinder(ScanDeps{scans, relations, public_url});
  router.Add("GET", base + "/scan-templates", bind(ListScanTemplates), kMember);
  router.Add("GET", base + "/scans", bind(ListScans), kMember);
  router.Add("POST", base + "/scans", bind(CreateScan), kMember);
  router.Add("GET", base + "/scans/{scan_id}", bind(GetScan), kMember);
  router.Add("PATCH", base + "/scans/{scan_id}", bind(UpdateScan), kMember);
  router.Add("DELETE", base + "/scans/{scan_id}", bind(DeleteScan), kMember);
  router.Add("POST", base + "/scans/{scan_id}/repeat", bind(RepeatScan), kMember);
  router.Add("GET", base + "/scans/{scan_id}/respondents", bind(ListScanRespondents), kMember);
  router.Add("POST", base + "/scans/{scan_id}/respondents", bind_deps(InviteScanRespondents),
             kMember);
  router.Add("DELETE", base + "/scans/{scan_id}/respondents/{respondent_id}",
             bind(RevokeScanRespondent), kMember);
  router.Add("GET", base + "/scans/{scan_id}/results", bind(GetScanResults), kMember);
  router.Add("POST", base + "/scans/{scan_id}/agreements", bind_deps(AgreementFromScan), kMember);
  router.Add("GET", base + "/value-cases", bind(ListValueCases), kMember);
  router.Add("POST", base + "/value-cases", bind(AddValueCase), kMember);
  router.Add("GET", base + "/value-cases/{value_case_id}", bind(GetValueCase), kMember);
  router.Add("PUT", base + "/value-cases/{value_case_id}", bind(ReplaceValueCase), kMember);
  router.Add("DELETE", base + "/value-cases/{value_case_id}", bind(DeleteValueCase), kMember);

  // ---- the public respondent page ----

  router.Add("GET", "/s/{token}", bind(ScanRespondentPage), kOpen);
  router.Add("POST", "/s/{token}", bind(SubmitScanAnswers), kOpen);
}

}  // namespace aantafel::http
