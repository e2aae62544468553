#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/link_mail/mails.hpp"
#include "core/validation.hpp"
#include "http/event_stream.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/public_page.hpp"
#include "http/handlers/survey_page.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "interchange/contacts_csv.hpp"
#include "interchange/exports.hpp"
#include "interchange/qr.hpp"

namespace aantafel::http {

using namespace core::feedback;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kOpen{.access = Access::kPublic};
constexpr std::size_t kMaxAnswerBody = 16 * 1024;

std::string SurveyUrl(const std::string& public_url, const std::string& token) {
  return core::link_mail::LinkUrl(public_url, core::link_mail::LinkKind::kSurvey, token);
}

json QuestionsView(const Questions& q) {
  return {{"recommend_nl", q.recommend_nl},
          {"recommend_en", q.recommend_en},
          {"why_nl", q.why_nl},
          {"why_en", q.why_en},
          {"better_nl", q.better_nl},
          {"better_en", q.better_en},
          {"callback_nl", q.callback_nl},
          {"callback_en", q.callback_en}};
}

json SurveyView(const Survey& s, const std::string& public_url) {
  return {{"id", s.id},
          {"name", s.name},
          {"team", s.team},
          {"service", s.service},
          {"municipality_code", s.municipality_code ? json(*s.municipality_code) : json(nullptr)},
          {"law", ToString(s.law)},
          {"domain", s.domain},
          {"channel", ToString(s.channel)},
          {"active", s.active},
          {"pause_days", s.pause_days},
          {"questions", QuestionsView(s.questions)},
          {"token", s.token},
          {"url", SurveyUrl(public_url, s.token)},
          {"created_at", FormatTimestamp(s.created_at)}};
}

json ResponseView(const Response& r) {
  return {{"id", r.id},
          {"survey_id", r.survey_id},
          {"survey_name", r.survey_name},
          {"team", r.team},
          {"score", r.score},
          {"category", ToString(CategoryOf(r.score))},
          {"why", r.why},
          {"better", r.better},
          {"callback", r.callback},
          {"channel", ToString(r.channel)},
          {"themes", r.themes},
          {"received_at", FormatTimestamp(r.received_at)}};
}

json CallbackView(const Callback& c, bool overdue) {
  json assignee = nullptr;
  if (c.assignee_id) {
    assignee = {{"id", *c.assignee_id}, {"name", c.assignee_name}, {"email", c.assignee_email}};
  }
  return {{"id", c.id},
          {"response_id", c.response_id},
          {"survey_name", c.survey_name},
          {"team", c.team},
          {"score", c.score},
          {"why", c.why},
          {"better", c.better},
          {"status", ToString(c.status)},
          {"assignee", assignee},
          {"due_at", FormatTimestamp(c.due_at)},
          {"overdue", overdue},
          {"notes", c.notes},
          {"outcome", c.outcome},
          {"has_phone", c.has_phone},
          {"created_at", FormatTimestamp(c.created_at)},
          {"updated_at", FormatTimestamp(c.updated_at)}};
}

json NumberOrNull(const std::optional<double>& v) {
  return v ? json(std::round(*v * 10.0) / 10.0) : json(nullptr);
}

json NpsGroupView(const NpsGroup& g) {
  return {{"key", g.key},
          {"label", g.label},
          {"n", g.counts.n()},
          {"promoters", g.counts.promoters},
          {"passives", g.counts.passives},
          {"detractors", g.counts.detractors},
          {"nps", NumberOrNull(g.estimate.nps)},
          {"ci_low", NumberOrNull(g.estimate.ci_low)},
          {"ci_high", NumberOrNull(g.estimate.ci_high)},
          {"enough", core::feedback::EnoughAnswers(g.counts)}};
}

/// The response filter shared by the list and the export: survey_id, category, from, to.
ResponseFilter ReadFilter(const HttpRequest& request, core::FieldErrors& errors) {
  ResponseFilter filter;
  filter.survey_id = QueryId(request, "survey_id", errors);
  if (auto category = request.Query("category"); category && !category->empty()) {
    filter.category = ParseCategory(*category);
    if (!filter.category) errors.Add("category", core::FieldIssue::kInvalidChoice);
  }
  const auto from = core::CheckDate("from", request.Query("from").value_or(""), false, errors);
  const auto to = core::CheckDate("to", request.Query("to").value_or(""), false, errors);
  // Dates are Dutch days, from local midnight to local midnight.
  if (from) filter.from = core::StartOfDutchDay(*from);
  if (to) filter.until = core::StartOfDutchDay(to->AddDays(1));
  return filter;
}

NpsQuery ReadPeriod(const HttpRequest& request, core::FieldErrors& errors) {
  NpsQuery query;
  query.group_by = std::string(request.Query("group_by").value_or(""));
  query.from = std::string(request.Query("from").value_or(""));
  query.to = std::string(request.Query("to").value_or(""));
  query.survey_id = QueryId(request, "survey_id", errors);
  return query;
}

/// A survey body shared by create and change.
struct SurveyFields {
  std::optional<std::string> name, team, service, law, domain, channel;
  std::optional<std::optional<std::string>> municipality_code;
  std::optional<std::int64_t> pause_days;
  std::optional<bool> active;
  std::vector<std::pair<std::string, std::string>> questions;
};

SurveyFields ReadSurvey(JsonObjectReader& body, bool create) {
  SurveyFields f;
  f.name = body.String("name", create);
  f.team = body.String("team", false);
  f.service = body.String("service", false);
  f.law = body.String("law", false);
  f.domain = body.String("domain", false);
  if (create) f.channel = body.String("channel", false);
  if (!create) f.active = body.Boolean("active", false);
  if (body.IsNull("municipality_code")) {
    f.municipality_code = std::optional<std::string>();
  } else if (auto code = body.String("municipality_code", false)) {
    f.municipality_code = std::optional<std::string>(*code);
  }
  // Kept within int; core checks the real bounds and names them.
  if (auto days = body.Integer("pause_days", false)) {
    f.pause_days = std::clamp<std::int64_t>(*days, -1, 100000);
  }
  return f;
}

/// The request body of POST /f/{token}: form fields or JSON with the same names.
struct AnswerBody {
  AnswerInput input;
  SurveyFormValues values;
  bool json = false;
};

bool Truthy(std::string_view v) {
  return v == "yes" || v == "ja" || v == "on" || v == "true" || v == "1";
}

/// A JSON answer as the form would send it: the score may be a number, callback a boolean.
std::optional<std::string> AnswerText(const std::string& key, const json& value) {
  if (key == "score" && value.is_number_integer()) {
    return std::to_string(value.get<std::int64_t>());
  }
  if (key == "callback" && value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_string()) return value.get<std::string>();
  return std::nullopt;
}

core::Result<AnswerBody> ReadAnswer(const HttpRequest& request) {
  auto body = ReadPublicForm(request, kMaxAnswerBody, AnswerText);
  if (!body) return body.error();
  AnswerBody out;
  out.json = body->json;
  core::FieldErrors unknown;
  std::set<std::string> seen;
  for (auto& [key, value] : body->fields) {
    if (!seen.insert(key).second) continue;  // the first value counts
    if (key == "score") {
      out.input.score = value;
      if (auto score = core::feedback::ParseScore(value)) out.values.score = *score;
    } else if (key == "why") {
      out.input.why = value;
    } else if (key == "better") {
      out.input.better = value;
    } else if (key == "callback") {
      out.input.callback = Truthy(value);
    } else if (key == "phone") {
      out.input.phone = value;
    } else if (key == "channel") {
      out.input.channel = value;
    } else if (key == "lang") {
      out.input.language = value == "en" ? "en" : "nl";
    } else if (key == "website") {
      out.input.honeypot = value;
    } else if (out.json) {
      unknown.Add(key, core::FieldIssue::kUnknownField);
    }
  }
  if (!unknown.empty()) return std::move(unknown).ToError();
  out.values.why = core::IsValidUtf8(out.input.why) ? out.input.why : "";
  out.values.better = core::IsValidUtf8(out.input.better) ? out.input.better : "";
  out.values.callback = out.input.callback;
  out.values.phone = core::IsValidUtf8(out.input.phone) ? out.input.phone : "";
  out.values.channel = ParseChannel(out.input.channel) ? out.input.channel : "";
  return out;
}

SurveyNotice NoticeOf(LinkState state) {
  switch (state) {
    case LinkState::kClosed: return SurveyNotice::kClosed;
    case LinkState::kUsed: return SurveyNotice::kUsed;
    case LinkState::kExpired: return SurveyNotice::kExpired;
    case LinkState::kOpen: break;
  }
  return SurveyNotice::kUnknown;
}

HttpResponse RateLimitedPage(const core::Error& error, bool english) {
  return HtmlPage(error, SurveyNoticePage(SurveyNotice::kTooMany, english));
}

std::vector<std::pair<std::string, std::string>> ReadQuestions(const json& value,
                                                               core::FieldErrors& errors) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!value.is_object()) {
    errors.Add("questions", core::FieldIssue::kInvalidType);
    return out;
  }
  for (const auto& [key, text] : value.items()) {
    if (!text.is_string()) {
      errors.Add("questions." + key, core::FieldIssue::kInvalidType);
      continue;
    }
    out.emplace_back(key, text.get<std::string>());
  }
  return out;
}

/// Survey bodies are read with nlohmann directly for the nested "questions" object.
core::Result<SurveyFields> ParseSurveyBody(const HttpRequest& request, bool create) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  core::FieldErrors errors;
  SurveyFields f = ReadSurvey(*body, create);
  if (body->Has("questions")) {
    // The nested object is read here: each key must be a known question with a text (core).
    const auto raw = json::parse(request.body, nullptr, false);
    f.questions = ReadQuestions(raw.at("questions"), errors);
  }
  auto done = body->Finish();
  if (!done) {
    for (const auto& [field, problem] : done.error().fields) {
      errors.Add(field, problem.issue, problem.limit);
    }
    if (done.error().code != core::ErrorCode::kInvalidInput) return done.error();
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return f;
}

/// Contacts to invite, with the CSV line of each (empty for JSON).
struct ContactList {
  std::vector<ContactInput> contacts;
  std::vector<int> lines;
  std::optional<core::link_mail::MailRequest> mail;  ///< "send_by_email": true
};

bool IsCsv(const HttpRequest& request) {
  const std::string type(request.headers.Get("Content-Type").value_or(""));
  return type.starts_with("text/csv");
}

core::Result<ContactList> ReadContactsJson(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  auto contacts = body->ObjectList<ContactInput>(
      "contacts", 1000, [](JsonObjectReader& item) -> std::optional<ContactInput> {
        ContactInput c;
        c.reference = item.String("reference", false).value_or("");
        c.client = item.String("client", false).value_or("");
        c.channel = item.String("channel", false).value_or("sms");
        c.valid_days = static_cast<int>(
            std::clamp<std::int64_t>(item.Integer("valid_days", false).value_or(14), -1, 100000));
        return c;
      });
  const bool send = body->Boolean("send_by_email", false).value_or(false);
  auto mail = ReadMailRequest(*body);
  const bool has_contacts = body->Has("contacts");
  if (auto done = body->Finish(); !done) {
    core::Error error = done.error();
    if (!has_contacts && error.code == core::ErrorCode::kInvalidInput) {
      error.fields.try_emplace("contacts", core::FieldError{core::FieldIssue::kRequired, 0});
    }
    return error;
  }
  if (!has_contacts) return core::Error::Field("contacts", core::FieldIssue::kRequired);
  if (!mail) return mail.error();
  return ContactList{.contacts = contacts.value_or(std::vector<ContactInput>{}),
                     .lines = {},
                     .mail = send ? std::optional(*mail) : std::nullopt};
}

/// A CSV file from the provider's own system; problems are named "line N.column".
core::Result<ContactList> ReadContactsCsv(const HttpRequest& request) {
  const auto file = interchange::ParseContactsCsv(request.body);
  core::FieldErrors errors;
  for (const auto& issue : file.issues) {
    errors.Add("line " + std::to_string(issue.line) + "." + issue.field, issue.issue);
  }
  ContactList list;
  for (const auto& row : file.rows) {
    ContactInput c{.reference = row.reference,
                   .client = row.client,
                   .channel = row.channel.empty() ? "sms" : row.channel};
    if (!row.valid_days.empty()) {
      const auto [end, ec] = std::from_chars(
          row.valid_days.data(), row.valid_days.data() + row.valid_days.size(), c.valid_days);
      if (ec != std::errc{} || end != row.valid_days.data() + row.valid_days.size()) {
        errors.Add("line " + std::to_string(row.line) + ".valid_days",
                   core::FieldIssue::kInvalidFormat);
      }
    }
    list.contacts.push_back(std::move(c));
    list.lines.push_back(row.line);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return list;
}

/// Core names contacts "contacts[i].field"; for a CSV file the line is clearer.
core::Error RenameRows(core::Error error, const std::vector<int>& lines) {
  if (lines.empty()) return error;
  std::map<std::string, core::FieldError> renamed;
  for (auto& [field, problem] : error.fields) {
    std::string name = field;
    std::size_t index = 0;
    if (std::sscanf(field.c_str(), "contacts[%zu]", &index) == 1 && index < lines.size()) {
      name = "line " + std::to_string(lines[index]) + field.substr(field.find(']') + 1);
    }
    renamed.emplace(std::move(name), problem);
  }
  error.fields = std::move(renamed);
  return error;
}

std::string_view LiveEventName(LiveEvent::Kind kind) {
  return kind == LiveEvent::Kind::kResponse ? "response" : "callback";
}

}  // namespace

nlohmann::json NpsGroupJson(const core::feedback::NpsGroup& group) { return NpsGroupView(group); }

std::optional<std::string> RenderLiveEvent(FeedbackService& service, const LiveEvent& event) {
  json data;
  if (event.kind == LiveEvent::Kind::kResponse) {
    auto response = service.LiveResponse(event.workspace_id, event.id);
    if (!response) return std::nullopt;
    data = ResponseView(*response);
  } else {
    auto callback = service.LiveCallback(event.workspace_id, event.id);
    if (!callback) return std::nullopt;
    data = CallbackView(*callback, service.Overdue(*callback));
  }
  const std::string id = std::string(LiveEventName(event.kind)) + "-" + std::to_string(event.id);
  return FormatServerSentEvent(LiveEventName(event.kind), id, data.dump());
}

namespace {

/// What the survey handlers need besides the service: the base of the survey links.
struct FeedbackDeps {
  FeedbackService& service;
  std::string public_url;
};

HttpResponse ListSurveys(const FeedbackDeps& deps, RequestContext& ctx) {
  json items = json::array();
  for (const Survey& s : deps.service.ListSurveys(*ctx.workspace)) {
    items.push_back(SurveyView(s, deps.public_url));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse CreateSurvey(const FeedbackDeps& deps, RequestContext& ctx) {
  auto f = ParseSurveyBody(ctx.request, true);
  if (!f) return Fail(ctx, f.error());
  SurveyInput input{.name = f->name.value_or(""),
                    .team = f->team.value_or(""),
                    .service = f->service.value_or(""),
                    .municipality_code = f->municipality_code.value_or(std::nullopt),
                    .law = f->law.value_or("none"),
                    .domain = f->domain.value_or(""),
                    .channel = f->channel.value_or("link"),
                    .pause_days = static_cast<int>(f->pause_days.value_or(90)),
                    .questions = f->questions};
  auto survey = deps.service.CreateSurvey(*ctx.workspace, input);
  if (!survey) return Fail(ctx, survey.error());
  return JsonResponse(201, SurveyView(*survey, deps.public_url));
}

HttpResponse GetSurvey(const FeedbackDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "survey_id");
  if (!id) return Fail(ctx, id.error());
  auto survey = deps.service.GetSurvey(*ctx.workspace, *id);
  if (!survey) return Fail(ctx, survey.error());
  return JsonResponse(200, SurveyView(*survey, deps.public_url));
}

HttpResponse UpdateSurvey(const FeedbackDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "survey_id");
  if (!id) return Fail(ctx, id.error());
  auto f = ParseSurveyBody(ctx.request, false);
  if (!f) return Fail(ctx, f.error());
  SurveyPatch patch{.name = f->name,
                    .team = f->team,
                    .service = f->service,
                    .municipality_code = f->municipality_code,
                    .law = f->law,
                    .domain = f->domain,
                    .active = f->active,
                    .pause_days = f->pause_days
                                      ? std::optional<int>(static_cast<int>(*f->pause_days))
                                      : std::nullopt,
                    .questions = f->questions};
  auto survey = deps.service.UpdateSurvey(*ctx.workspace, *id, patch);
  if (!survey) return Fail(ctx, survey.error());
  return JsonResponse(200, SurveyView(*survey, deps.public_url));
}

HttpResponse GetSurveyQr(const FeedbackDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "survey_id");
  if (!id) return Fail(ctx, id.error());
  const std::string format(ctx.request.Query("format").value_or("svg"));
  if (format != "svg" && format != "png") {
    return Fail(ctx, core::Error::Field("format", core::FieldIssue::kInvalidChoice));
  }
  auto survey = deps.service.GetSurvey(*ctx.workspace, *id);
  if (!survey) return Fail(ctx, survey.error());
  const std::string url = SurveyUrl(deps.public_url, survey->token) + "?channel=qr";
  const auto code = interchange::EncodeQr(url);
  HttpResponse response;
  if (format == "svg") {
    response.body = interchange::QrSvg(code, survey->name);
    response.headers.Set("Content-Type", "image/svg+xml");
  } else {
    response.body = interchange::QrPng(code, 12);
    response.headers.Set("Content-Type", "image/png");
  }
  response.headers.Set("Cache-Control", "private, max-age=300");
  return response;
}

HttpResponse CreateInvitations(const FeedbackDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "survey_id");
  if (!id) return Fail(ctx, id.error());
  auto contacts = IsCsv(ctx.request) ? ReadContactsCsv(ctx.request) : ReadContactsJson(ctx.request);
  if (!contacts) return Fail(ctx, contacts.error());
  auto batch = deps.service.Invite(*ctx.workspace, *id, contacts->contacts, contacts->mail);
  if (!batch) return Fail(ctx, RenameRows(batch.error(), contacts->lines));
  json created = json::array();
  for (const auto& c : batch->created) {
    created.push_back({{"reference", c.reference},
                       {"token", c.token},
                       {"url", SurveyUrl(deps.public_url, c.token)},
                       {"expires_at", FormatTimestamp(c.expires_at)},
                       {"mailed", c.mailed}});
  }
  json skipped = json::array();
  for (const auto& reference : batch->skipped) {
    skipped.push_back({{"reference", reference}, {"reason", "recently_invited"}});
  }
  return JsonResponse(201, {{"created", created}, {"skipped", skipped}});
}

HttpResponse ListResponses(FeedbackService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  ResponseFilter filter = ReadFilter(ctx.request, errors);
  filter.limit = QueryCount(ctx.request, "limit", 1, 200, 50, errors);
  filter.offset = QueryCount(ctx.request, "offset", 0, 1'000'000, 0, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  const std::int64_t wanted = filter.limit;
  filter.limit = wanted + 1;
  auto list = service.ListResponses(*ctx.workspace, filter);
  if (!list) return Fail(ctx, list.error());
  const bool has_more = static_cast<std::int64_t>(list->size()) > wanted;
  if (has_more) list->pop_back();
  json items = json::array();
  for (const Response& r : *list) items.push_back(ResponseView(r));
  return JsonResponse(200, {{"items", items}, {"has_more", has_more}});
}

HttpResponse EraseResponsePersonalData(FeedbackService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "response_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.ErasePersonalData(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ExportResponses(FeedbackService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const std::string format = ReadExportFormat(ctx.request, errors);
  ResponseFilter filter = ReadFilter(ctx.request, errors);
  filter.limit = 10000;
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto list = service.ListResponses(*ctx.workspace, filter);
  if (!list) return Fail(ctx, list.error());
  const auto language = ExportLanguageOf(ctx);
  const bool en = language == interchange::ExportLanguage::kEnglish;
  return FileResponse(
      interchange::ResponsesTable(*list, language), format,
      std::string(en ? "feedback-" : "clientfeedback-") + ctx.workspace->workspace.slug);
}

HttpResponse GetNps(FeedbackService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  NpsQuery query = ReadPeriod(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto report = service.Nps(*ctx.workspace, query);
  if (!report) return Fail(ctx, report.error());
  json groups = json::array();
  for (const auto& g : report->groups) groups.push_back(NpsGroupView(g));
  const auto& inv = report->invitations;
  const json rate = inv.sent == 0 ? json(nullptr)
                                  : json(std::round(1000.0 * static_cast<double>(inv.answered) /
                                                    static_cast<double>(inv.sent)) /
                                         10.0);
  return JsonResponse(
      200,
      {{"group_by", report->group_by.empty() ? json(nullptr) : json(report->group_by)},
       {"min_n", kMinGroupSize},
       {"invitations", {{"sent", inv.sent}, {"answered", inv.answered}, {"response_rate", rate}}},
       {"total", NpsGroupView(report->total)},
       {"groups", groups}});
}

HttpResponse GetThemes(FeedbackService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  NpsQuery query = ReadPeriod(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  query.group_by.clear();
  auto report = service.Themes(*ctx.workspace, query);
  if (!report) return Fail(ctx, report.error());
  const bool en = ctx.language == Language::kEnglish;
  json items = json::array();
  for (const auto& t : report->themes) {
    items.push_back({{"id", t.theme->id},
                     {"label", en ? t.theme->label.en : t.theme->label.nl},
                     {"detractors", t.counts.detractors},
                     {"passives", t.counts.passives},
                     {"promoters", t.counts.promoters},
                     {"quotes", t.quotes}});
  }
  return JsonResponse(200, {{"answered", report->answered}, {"items", items}});
}

/// New responses and callbacks as they come in (Server-Sent Events).
HttpResponse StreamFeedback(StreamHub& streams, RequestContext& ctx) {
  HttpResponse response;
  response.headers.Set("Content-Type", "text/event-stream; charset=utf-8");
  response.headers.Set("Cache-Control", "no-store");
  response.headers.Set("X-Accel-Buffering", "no");
  response.stream = streams.Open(ctx.workspace->workspace.id);
  response.stream->Push("retry: 3000\n: verbonden / connected\n\n");
  return response;
}

HttpResponse ListCallbacks(FeedbackService& service, RequestContext& ctx) {
  auto list = service.ListCallbacks(*ctx.workspace, ctx.request.Query("status").value_or(""));
  if (!list) return Fail(ctx, list.error());
  json items = json::array();
  for (const Callback& c : *list) items.push_back(CallbackView(c, service.Overdue(c)));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse UpdateCallback(FeedbackService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "callback_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  CallbackPatch patch;
  patch.status = body->String("status", false);
  if (body->IsNull("assignee_id")) {
    patch.assignee_id = std::optional<std::int64_t>();
  } else if (auto assignee = body->Integer("assignee_id", false)) {
    patch.assignee_id = std::optional<std::int64_t>(*assignee);
  }
  patch.notes = body->String("notes", false);
  patch.outcome = body->String("outcome", false);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto callback = service.UpdateCallback(*ctx.workspace, *id, patch);
  if (!callback) return Fail(ctx, callback.error());
  return JsonResponse(200, CallbackView(*callback, service.Overdue(*callback)));
}

HttpResponse RevealCallbackPhone(FeedbackService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "callback_id");
  if (!id) return Fail(ctx, id.error());
  auto phone = service.RevealPhone(*ctx.workspace, *id);
  if (!phone) return Fail(ctx, phone.error());
  HttpResponse response = JsonResponse(200, {{"phone", *phone ? json(**phone) : json(nullptr)}});
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

// ---- the public survey ----

/// The stylesheet of all public pages (/f/, /s/, /c/).
HttpResponse GetSurveyStyleSheet(RequestContext&) {
  HttpResponse response;
  response.headers.Set("Content-Type", "text/css; charset=utf-8");
  response.headers.Set("Cache-Control", "public, max-age=86400");
  response.body = SurveyStyleSheet();
  return response;
}

/// GET /f/{token}: the survey form (?score= and ?channel= prefill it), or a notice.
HttpResponse GetSurveyPage(FeedbackService& service, RequestContext& ctx) {
  const bool english = WantsEnglish(ctx, ctx.request.Query("lang").value_or(""));
  auto page = service.OpenLink(ctx.params.Get("token"), ctx.request.remote_address);
  if (!page) {
    if (page.error().code == core::ErrorCode::kRateLimited) {
      return RateLimitedPage(page.error(), english);
    }
    return HtmlPage(404, SurveyNoticePage(SurveyNotice::kUnknown, english));
  }
  if (page->state != LinkState::kOpen) {
    return HtmlPage(200, SurveyNoticePage(NoticeOf(page->state), english));
  }
  SurveyFormValues values;
  if (auto score = ctx.request.Query("score")) {
    int value = -1;
    const auto [end, ec] = std::from_chars(score->data(), score->data() + score->size(), value);
    if (ec == std::errc{} && end == score->data() + score->size() && value >= 0 && value <= 10) {
      values.score = value;
    }
  }
  if (auto channel = ctx.request.Query("channel"); channel && ParseChannel(*channel)) {
    values.channel = std::string(*channel);
  }
  return HtmlPage(200, SurveyFormPage(page->target.survey, std::string(ctx.params.Get("token")),
                                      english, values, {}));
}

/// POST /f/{token}: an answer from the form (an HTML page back) or as JSON (201).
HttpResponse SubmitSurveyAnswer(FeedbackService& service, RequestContext& ctx) {
  const std::string token(ctx.params.Get("token"));
  auto body = ReadAnswer(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const bool english =
      body->json ? ctx.language == Language::kEnglish : WantsEnglish(ctx, body->input.language);
  auto stored = service.Submit(token, body->input, ctx.request.remote_address);
  if (body->json) {
    if (!stored) return Fail(ctx, stored.error());
    return JsonResponse(201, {{"id", stored->id}});
  }
  if (stored) return HtmlPage(200, SurveyThanksPage(english, stored->callback_id.has_value()));
  const core::Error& error = stored.error();
  switch (error.code) {
    case core::ErrorCode::kRateLimited: return RateLimitedPage(error, english);
    case core::ErrorCode::kNotFound:
      return HtmlPage(404, SurveyNoticePage(SurveyNotice::kUnknown, english));
    case core::ErrorCode::kConflict: {
      auto page = service.OpenLink(token, ctx.request.remote_address);
      const SurveyNotice notice = page ? NoticeOf(page->state) : SurveyNotice::kClosed;
      return HtmlPage(409, SurveyNoticePage(notice, english));
    }
    case core::ErrorCode::kInvalidInput: {
      auto page = service.OpenLink(token, ctx.request.remote_address);
      if (!page) return HtmlPage(404, SurveyNoticePage(SurveyNotice::kUnknown, english));
      return HtmlPage(
          422, SurveyFormPage(page->target.survey, token, english, body->values, error.fields));
    }
    default: return HtmlPage(error, SurveyNoticePage(SurveyNotice::kStoreFailed, english));
  }
}

}  // namespace

void RegisterFeedbackRoutes(Router& router, FeedbackService& service, StreamHub& streams,
                            const std::string& public_url) {
  const std::string base = "/api/v1/workspaces/{slug}/feedback";

  const auto bind = HandlerBinder(std::ref(service));
  const auto bind_deps = HandlerBinder(FeedbackDeps{service, public_url});
  const auto bind_streams = HandlerBinder(std::ref(streams));
  router.Add("GET", base + "/surveys", bind_deps(ListSurveys), kMember);
  router.Add("POST", base + "/surveys", bind_deps(CreateSurvey), kMember);
  router.Add("GET", base + "/surveys/{survey_id}", bind_deps(GetSurvey), kMember);
  router.Add("PATCH", base + "/surveys/{survey_id}", bind_deps(UpdateSurvey), kMember);
  router.Add("GET", base + "/surveys/{survey_id}/qr", bind_deps(GetSurveyQr), kMember);
  router.Add("POST", base + "/surveys/{survey_id}/invitations", bind_deps(CreateInvitations),
             kMember);
  router.Add("GET", base + "/responses", bind(ListResponses), kMember);
  router.Add("DELETE", base + "/responses/{response_id}/personal-data",
             bind(EraseResponsePersonalData), kMember);
  router.Add("GET", base + "/export", bind(ExportResponses), kMember);
  router.Add("GET", base + "/nps", bind(GetNps), kMember);
  router.Add("GET", base + "/themes", bind(GetThemes), kMember);
  router.Add("GET", base + "/stream", bind_streams(StreamFeedback), kMember);
  router.Add("GET", base + "/callbacks", bind(ListCallbacks), kMember);
  router.Add("PATCH", base + "/callbacks/{callback_id}", bind(UpdateCallback), kMember);
  router.Add("POST", base + "/callbacks/{callback_id}/phone", bind(RevealCallbackPhone), kMember);

  // ---- the public survey ----

  router.Add("GET", "/f-assets/survey.css", GetSurveyStyleSheet, kOpen);
  router.Add("GET", "/f/{token}", bind(GetSurveyPage), kOpen);
  router.Add("POST", "/f/{token}", bind(SubmitSurveyAnswer), kOpen);
}

}  // namespace aantafel::http
