// Raadsinformatie: the councils a workspace follows (from Open Besluitvorming's status list),
// their sync state, and the meetings they publish with agenda, documents and motions.
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/council/people_service.hpp"
#include "core/council/service.hpp"
#include "core/validation.hpp"
#include "core/whoiswho/model.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

using core::council::CouncilPeopleService;
using core::council::CouncilService;
using core::council::CouncilWebhookService;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};

json Text(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

json SourceView(const core::council::CouncilSource& s) {
  json successor = nullptr;
  if (s.discontinued_on || s.successor_label) {
    successor = {{"source_key", Text(s.successor_key)},
                 {"label", Text(s.successor_label)},
                 {"municipality_code", Text(s.successor_cbs_code)}};
  }
  return {{"source_key", s.key},
          {"label", s.label},
          {"supplier", s.supplier},
          {"municipality_code", Text(s.cbs_code)},
          {"state", s.state},
          {"supplier_state", s.supplier_state},
          {"last_success_at", TimestampOrNull(s.last_success_at)},
          {"discontinued_on", Text(s.discontinued_on)},
          {"successor", successor}};
}

json SyncView(const core::council::SyncState& s, bool owner) {
  const char* phase = !s.snapshot_done ? "snapshot" : "changes";
  return {{"phase", phase},
          {"records", s.records},
          {"skipped_lines", s.skipped_lines},
          {"synced_at", TimestampOrNull(s.synced_at)},
          {"attempted_at", TimestampOrNull(s.attempted_at)},
          {"retry_at", TimestampOrNull(s.retry_at)},
          {"failures", s.failures},
          // What went wrong is for owners (it may name addresses of the set-up).
          {"error", owner && !s.error.empty() ? json(s.error) : json(nullptr)}};
}

json FollowView(const core::council::Follow& f, bool owner) {
  return {{"source_key", f.source_key},
          {"municipality_code", f.municipality_code},
          {"followed_at", FormatTimestamp(f.followed_at)},
          {"source", f.source ? SourceView(*f.source) : json(nullptr)},
          {"sync", f.sync ? SyncView(*f.sync, owner) : json(nullptr)}};
}

json MeetingSummary(const core::council::MeetingView& v) {
  const auto& m = v.meeting;
  return {{"id", v.id},
          {"source_key", v.source_key},
          {"council", v.source_label},
          {"municipality_code", v.municipality_code},
          {"name", m.name},
          {"committee", v.committee_name},
          {"classification", m.classification},
          {"location", m.location},
          {"cancelled", m.cancelled},
          {"starts_at", TimestampOrNull(m.starts_at)},
          {"time_known", m.time_known},
          {"ends_at", TimestampOrNull(m.ends_at)},
          {"agenda_items", v.agenda_items},
          {"entity_id", v.entity_id}};
}

json MeetingDetailView(const core::council::MeetingDetail& d) {
  json out = MeetingSummary(d.meeting);
  json agenda = json::array();
  for (const auto& a : d.meeting.meeting.agenda) {
    json documents = json::array();
    for (const auto& doc : a.documents) {
      documents.push_back({{"name", doc.name}, {"url", doc.url}, {"entity_id", doc.ref}});
    }
    agenda.push_back({{"depth", a.depth},
                      {"number", a.number},
                      {"title", a.title},
                      {"description", a.description},
                      {"heading", a.heading},
                      {"documents", documents}});
  }
  json documents = json::array();
  for (const auto& v : d.documents) {
    const auto& doc = v.document;
    documents.push_back({{"id", v.id},
                         {"name", doc.name},
                         {"classification", doc.classification},
                         {"url", doc.url},
                         {"content_type", doc.content_type},
                         {"modified_at", TimestampOrNull(doc.modified_at)},
                         {"entity_id", v.entity_id}});
  }
  json motions = json::array();
  for (const auto& v : d.motions) {
    const auto& m = v.motion;
    json votes = json::array();
    for (const auto& vote : m.votes) {
      votes.push_back({{"option", vote.in_favour ? "voor" : "tegen"},
                       {"voter", vote.voter_name},
                       {"party", vote.party_name}});
    }
    motions.push_back({{"id", v.id},
                       {"name", m.name},
                       {"motion_type", m.motion_type},
                       {"status", m.status},
                       {"result", m.result.empty() ? json(nullptr) : json(m.result)},
                       {"date", TimestampOrNull(m.date)},
                       {"in_favour", m.in_favour ? json(*m.in_favour) : json(nullptr)},
                       {"against", m.against ? json(*m.against) : json(nullptr)},
                       {"proposers", m.proposers},
                       {"votes", votes},
                       {"entity_id", v.entity_id}});
  }
  out["agenda"] = agenda;
  out["documents"] = documents;
  out["motions"] = motions;
  return out;
}

json TopicView(const core::council::Topic& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"terms", t.terms},
          {"exclusions", t.exclusions},
          {"created_at", FormatTimestamp(t.created_at)}};
}

core::Result<core::council::TopicInput> ReadTopic(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  core::council::TopicInput in;
  in.name = body->String("name", true, 1000).value_or("");
  in.terms = body->StringList("terms", true, 100, 1000).value_or(std::vector<std::string>{});
  in.exclusions =
      body->StringList("exclusions", false, 100, 1000).value_or(std::vector<std::string>{});
  if (auto done = body->Finish(); !done) return done.error();
  return in;
}

/// from, to, source_key, municipality and limit of a meetings query; problems go to `errors`.
core::council::MeetingRequest ReadMeetingRequest(const HttpRequest& request,
                                                 core::FieldErrors& errors);

/// A council's key as Open Besluitvorming writes it: lower-case letters, digits, '-' and '_'.
bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  for (const char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

/// An optional council key in the query string (`source_key`).
std::optional<std::string> QueryKey(const HttpRequest& request, core::FieldErrors& errors) {
  auto key = request.Query("source_key");
  if (!key || key->empty()) return std::nullopt;
  if (!ValidKey(*key)) {
    errors.Add("source_key", core::FieldIssue::kInvalidFormat);
    return std::nullopt;
  }
  return std::string(*key);
}

core::council::MeetingRequest ReadMeetingRequest(const HttpRequest& request,
                                                 core::FieldErrors& errors) {
  core::council::MeetingRequest q;
  q.from = core::CheckDate("from", request.Query("from").value_or(""), false, errors);
  q.to = core::CheckDate("to", request.Query("to").value_or(""), false, errors);
  q.source_key = QueryKey(request, errors);
  if (auto code = request.Query("municipality"); code && !code->empty()) {
    if (!core::whoiswho::IsMunicipalityCode(*code)) {
      errors.Add("municipality", core::FieldIssue::kInvalidFormat);
    } else {
      q.municipality_code = std::string(*code);
    }
  }
  if (auto limit = QueryInt(request, "limit", errors)) q.limit = *limit;
  return q;
}

/// q, source_key, kind, from, to, limit and offset of a council search.
core::council::SearchRequest ReadSearchRequest(const HttpRequest& request,
                                               core::FieldErrors& errors) {
  core::council::SearchRequest q;
  q.q = std::string(request.Query("q").value_or(""));
  q.from = core::CheckDate("from", request.Query("from").value_or(""), false, errors);
  q.to = core::CheckDate("to", request.Query("to").value_or(""), false, errors);
  q.source_key = QueryKey(request, errors);
  if (auto kind = request.Query("kind"); kind && !kind->empty()) {
    q.kind = core::council::SearchKindFrom(*kind);
    if (!q.kind) errors.Add("kind", core::FieldIssue::kInvalidChoice);
  }
  if (auto limit = QueryInt(request, "limit", errors)) q.limit = *limit;
  if (auto offset = QueryInt(request, "offset", errors)) q.offset = *offset;
  return q;
}

json FoundView(const core::council::FoundItem& item) {
  const auto& h = item.hit;
  return {{"kind", core::council::ToString(h.kind)},
          {"id", h.entity},
          {"position", h.position < 0 ? json(nullptr) : json(h.position)},
          {"source_key", h.source_key},
          {"council", h.source_label},
          {"title", h.title},
          {"excerpt", item.excerpt},
          {"date", TimestampOrNull(h.at)},
          {"meeting_id", h.meeting_id ? json(*h.meeting_id) : json(nullptr)},
          {"meeting_name", h.meeting_name},
          {"url", h.url},
          {"highlights",
           {{"title", HighlightRanges(h.title, item.title_spans)},
            {"excerpt", HighlightRanges(item.excerpt, item.excerpt_spans)}}}};
}

json LinkPersonView(const core::council::LinkPerson& p) {
  return {{"id", p.id}, {"name", p.name}, {"party", p.party}};
}

json LinkView(const core::council::PersonLinkView& view) {
  const auto& l = view.link;
  json options = json::array();
  for (const auto& option : view.options) options.push_back(LinkPersonView(option));
  const json person = view.person ? LinkPersonView(*view.person) : json(nullptr);
  return {{"source_key", l.source_key},
          {"name_key", l.name_key},
          {"name", l.name},
          {"party", l.party},
          {"spellings", l.spellings},
          {"motions", l.motions},
          {"votes", l.votes},
          {"state", core::council::ToString(l.state)},
          {"reason", core::council::ToString(l.reason)},
          {"person", person},
          {"rejected", l.rejected},
          {"options", options}};
}

std::string_view RoleName(core::council::NameRecord::Role role) {
  switch (role) {
    case core::council::NameRecord::Role::kSubmitted: return "submitted";
    case core::council::NameRecord::Role::kFor: return "for";
    case core::council::NameRecord::Role::kAgainst: return "against";
  }
  return "submitted";
}

/// source_key (required), name_key (1–300 bytes) and person_id of a decision, from a JSON body
/// or (for DELETE) the query string; problems go to `errors`.
struct DecisionInput {
  std::string source_key;
  std::string name_key;
  std::optional<std::int64_t> person_id;  ///< none: every person offered ("none of these")
};

void CheckDecision(const DecisionInput& in, core::FieldErrors& errors) {
  if (in.source_key.empty()) errors.Add("source_key", core::FieldIssue::kRequired);
  if (!ValidKey(in.source_key)) errors.Add("source_key", core::FieldIssue::kInvalidFormat);
  if (in.name_key.empty()) errors.Add("name_key", core::FieldIssue::kRequired);
  if (in.name_key.size() > 300) errors.Add("name_key", core::FieldIssue::kTooLong, 300);
  if (in.person_id && *in.person_id < 1) errors.Add("person_id", core::FieldIssue::kTooSmall, 1);
}

HttpResponse ListCouncils(CouncilService& service, RequestContext& ctx) {
  const bool owner = core::accounts::CanManage(ctx.workspace->role);
  const auto councils = service.List(*ctx.workspace);
  json follows = json::array();
  for (const auto& f : councils.follows) follows.push_back(FollowView(f, owner));
  json available = json::array();
  for (const auto& s : councils.available) available.push_back(SourceView(s));
  return JsonResponse(200, {{"enabled", councils.enabled},
                            {"status_checked_at", TimestampOrNull(councils.status_checked_at)},
                            {"follows", follows},
                            {"available", available}});
}

HttpResponse FollowCouncil(CouncilService& service, RequestContext& ctx) {
  const std::string key(ctx.params.Get("source_key"));
  if (!ValidKey(key)) return Fail(ctx, core::Error::Of(core::ErrorCode::kNotFound));
  auto follow = service.FollowCouncil(*ctx.workspace, key);
  if (!follow) return Fail(ctx, follow.error());
  return JsonResponse(200, FollowView(*follow, core::accounts::CanManage(ctx.workspace->role)));
}

HttpResponse UnfollowCouncil(CouncilService& service, RequestContext& ctx) {
  const std::string key(ctx.params.Get("source_key"));
  if (!ValidKey(key)) return Fail(ctx, core::Error::Of(core::ErrorCode::kNotFound));
  if (auto done = service.UnfollowCouncil(*ctx.workspace, key); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ListCouncilMeetings(CouncilService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const auto q = ReadMeetingRequest(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto list = service.Meetings(*ctx.workspace, q);
  if (!list) return Fail(ctx, list.error());
  json items = json::array();
  for (const auto& m : *list) items.push_back(MeetingSummary(m));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse SearchCouncils(CouncilService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  auto q = ReadSearchRequest(ctx.request, errors);
  if (!errors.empty()) {
    core::council::CheckSearchRequest(q, errors);  // every field named at once
    return Fail(ctx, std::move(errors).ToError());
  }
  auto page = service.Search(*ctx.workspace, q);
  if (!page) return Fail(ctx, page.error());
  json items = json::array();
  for (const auto& item : page->items) items.push_back(FoundView(item));
  return JsonResponse(200, {{"items", items}, {"has_more", page->has_more}});
}

HttpResponse GetCouncilMeeting(CouncilService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "meeting_id");
  if (!id) return Fail(ctx, id.error());
  auto detail = service.MeetingOf(*ctx.workspace, *id);
  if (!detail) return Fail(ctx, detail.error());
  return JsonResponse(200, MeetingDetailView(*detail));
}

HttpResponse ListCouncilTopics(CouncilService& service, RequestContext& ctx) {
  json items = json::array();
  for (const auto& t : service.Topics(*ctx.workspace)) items.push_back(TopicView(t));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddCouncilTopic(CouncilService& service, RequestContext& ctx) {
  auto input = ReadTopic(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto topic = service.AddTopic(*ctx.workspace, *input);
  if (!topic) return Fail(ctx, topic.error());
  return JsonResponse(201, TopicView(*topic));
}

HttpResponse ReplaceCouncilTopic(CouncilService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "topic_id");
  if (!id) return Fail(ctx, id.error());
  auto input = ReadTopic(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto topic = service.ReplaceTopic(*ctx.workspace, *id, *input);
  if (!topic) return Fail(ctx, topic.error());
  return JsonResponse(200, TopicView(*topic));
}

HttpResponse DeleteCouncilTopic(CouncilService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "topic_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteTopic(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ListCouncilTopicMatches(CouncilService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const auto q = ReadMeetingRequest(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto matches = service.TopicMatches(*ctx.workspace, q);
  if (!matches) return Fail(ctx, matches.error());
  json items = json::array();
  for (const auto& m : *matches) {
    json hits = json::array();
    for (const auto& h : m.hits) hits.push_back({{"kind", h.kind}, {"title", h.title}});
    items.push_back({{"topic_id", m.topic_id},
                     {"topic_name", m.topic_name},
                     {"meeting", MeetingSummary(m.meeting)},
                     {"hits", hits}});
  }
  return JsonResponse(200, {{"items", items}});
}

/// The address and the technical message are for owners: an address may hold a token of the
/// receiver, and the message may name addresses of the set-up.
json WebhookView(const core::council::WebhookView& view, bool owner) {
  const auto& w = view.webhook;
  return {{"url", owner ? json(w.url) : json(nullptr)},
          {"created_at", FormatTimestamp(w.created_at)},
          {"last_attempt_at", TimestampOrNull(w.last_attempt_at)},
          {"last_status", w.last_status ? json(*w.last_status) : json(nullptr)},
          {"last_error", owner && !w.last_error.empty() ? json(w.last_error) : json(nullptr)},
          {"last_success_at", TimestampOrNull(w.last_success_at)},
          {"failures", w.failures},
          {"failing", view.failing},
          {"failing_since", TimestampOrNull(w.failing_since)},
          {"retry_at", TimestampOrNull(w.retry_at)}};
}

HttpResponse GetCouncilWebhook(CouncilWebhookService& webhooks, RequestContext& ctx) {
  const auto view = webhooks.Get(*ctx.workspace);
  const bool owner = core::accounts::CanManage(ctx.workspace->role);
  return JsonResponse(200, {{"webhook", view ? WebhookView(*view, owner) : json(nullptr)}});
}

HttpResponse SetCouncilWebhook(CouncilWebhookService& webhooks, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const std::string url = body->String("url", true, core::council::kLongestWebhookUrl).value_or("");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto created = webhooks.Set(*ctx.workspace, url);
  if (!created) return Fail(ctx, created.error());
  // The secret is shown this once; it is stored sealed and never shown again.
  return JsonResponse(200,
                      {{"webhook", WebhookView(created->view, true)}, {"secret", created->secret}});
}

HttpResponse DeleteCouncilWebhook(CouncilWebhookService& webhooks, RequestContext& ctx) {
  if (auto done = webhooks.Remove(*ctx.workspace); !done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse TestCouncilWebhook(CouncilWebhookService& webhooks, RequestContext& ctx) {
  auto test = webhooks.Test(*ctx.workspace);
  if (!test) return Fail(ctx, test.error());
  const bool ok = test->status >= 200 && test->status < 300;
  return JsonResponse(200, {{"ok", ok},
                            {"status", test->status > 0 ? json(test->status) : json(nullptr)},
                            {"error", ok ? json(nullptr) : json(test->error)}});
}

HttpResponse ListCouncilPeople(CouncilPeopleService& people, RequestContext& ctx) {
  core::FieldErrors errors;
  const auto key = QueryKey(ctx.request, errors);
  if (!key && errors.empty()) errors.Add("source_key", core::FieldIssue::kRequired);
  auto filter = core::council::LinkFilter::kAll;
  if (const auto show = ctx.request.Query("show"); show && !show->empty()) {
    if (*show == "review") {
      filter = core::council::LinkFilter::kReview;
    } else if (*show == "linked") {
      filter = core::council::LinkFilter::kLinked;
    } else if (*show != "all") {
      errors.Add("show", core::FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto links = people.Links(*ctx.workspace, *key, filter);
  if (!links) return Fail(ctx, links.error());
  json items = json::array();
  for (const auto& view : *links) items.push_back(LinkView(view));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse DecideCouncilPerson(CouncilPeopleService& people, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  DecisionInput in;
  // Lengths are checked with the other rules below, so every field is named at once.
  in.source_key = body->String("source_key", true).value_or("");
  in.name_key = body->String("name_key", true).value_or("");
  in.person_id = body->Integer("person_id", false);
  const bool confirmed = body->Boolean("confirmed", true).value_or(false);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  core::FieldErrors errors;
  CheckDecision(in, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto link = people.Decide(*ctx.workspace, in.source_key, in.name_key, in.person_id, confirmed);
  if (!link) return Fail(ctx, link.error());
  return JsonResponse(200, LinkView(*link));
}

HttpResponse UndoCouncilPersonDecision(CouncilPeopleService& people, RequestContext& ctx) {
  core::FieldErrors errors;
  DecisionInput in;
  in.source_key = std::string(ctx.request.Query("source_key").value_or(""));
  in.name_key = std::string(ctx.request.Query("name_key").value_or(""));
  if (ctx.request.Query("person_id")) in.person_id = QueryId(ctx.request, "person_id", errors);
  CheckDecision(in, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto link = people.Undo(*ctx.workspace, in.source_key, in.name_key, in.person_id);
  if (!link) return Fail(ctx, link.error());
  return JsonResponse(200, LinkView(*link));
}

HttpResponse GetPersonCouncil(CouncilPeopleService& people, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto council = people.OfPerson(*ctx.workspace, *id);
  if (!council) return Fail(ctx, council.error());
  json names = json::array();
  for (const auto& view : council->names) names.push_back(LinkView(view));
  json topics = json::array();
  for (const auto& t : council->topics) {
    topics.push_back({{"topic_id", t.topic_id},
                      {"topic_name", t.topic_name},
                      {"submitted", t.submitted},
                      {"voted_for", t.voted_for},
                      {"voted_against", t.voted_against}});
  }
  json records = json::array();
  for (const auto& r : council->records) {
    records.push_back(
        {{"source_key", r.source_key},
         {"motion_id", r.record.motion_id},
         {"title", r.record.title},
         {"result", r.record.result},
         {"date", TimestampOrNull(r.record.date)},
         {"meeting_id", r.record.meeting_id ? json(*r.record.meeting_id) : json(nullptr)},
         {"name", r.record.name},
         {"role", RoleName(r.record.role)},
         {"topics", r.topics}});
  }
  return JsonResponse(200, {{"names", names},
                            {"submitted", council->submitted},
                            {"voted_for", council->voted_for},
                            {"voted_against", council->voted_against},
                            {"topics", topics},
                            {"records", records},
                            {"more_records", council->more_records}});
}

}  // namespace

void RegisterCouncilRoutes(Router& router, CouncilService& service, CouncilPeopleService& people,
                           CouncilWebhookService& webhooks) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  const auto bind_people = HandlerBinder(std::ref(people));
  const auto bind_webhooks = HandlerBinder(std::ref(webhooks));
  router.Add("GET", base + "/councils", bind(ListCouncils), kMember);
  router.Add("PUT", base + "/councils/{source_key}", bind(FollowCouncil), kMember);
  router.Add("DELETE", base + "/councils/{source_key}", bind(UnfollowCouncil), kMember);
  router.Add("GET", base + "/council-meetings", bind(ListCouncilMeetings), kMember);
  router.Add("GET", base + "/council-search", bind(SearchCouncils), kMember);
  router.Add("GET", base + "/council-meetings/{meeting_id}", bind(GetCouncilMeeting), kMember);
  router.Add("GET", base + "/council-topics", bind(ListCouncilTopics), kMember);
  router.Add("POST", base + "/council-topics", bind(AddCouncilTopic), kMember);
  router.Add("PUT", base + "/council-topics/{topic_id}", bind(ReplaceCouncilTopic), kMember);
  router.Add("DELETE", base + "/council-topics/{topic_id}", bind(DeleteCouncilTopic), kMember);
  router.Add("GET", base + "/council-topic-matches", bind(ListCouncilTopicMatches), kMember);
  router.Add("GET", base + "/council-people", bind_people(ListCouncilPeople), kMember);
  router.Add("PUT", base + "/council-people/decisions", bind_people(DecideCouncilPerson), kMember);
  router.Add("DELETE", base + "/council-people/decisions", bind_people(UndoCouncilPersonDecision),
             kMember);
  router.Add("GET", base + "/people/{person_id}/council", bind_people(GetPersonCouncil), kMember);
  router.Add("GET", base + "/council-webhook", bind_webhooks(GetCouncilWebhook), kMember);
  router.Add("PUT", base + "/council-webhook", bind_webhooks(SetCouncilWebhook), kMember);
  router.Add("DELETE", base + "/council-webhook", bind_webhooks(DeleteCouncilWebhook), kMember);
  router.Add("POST", base + "/council-webhook/test", bind_webhooks(TestCouncilWebhook), kMember);
}

}  // namespace aantafel::http
