#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

using namespace core::advisor;
using nlohmann::json;

namespace {

// Asking for advice changes nothing, so viewers may ask too.
const RouteOptions kReaders{.access = Access::kWorkspace, .readers_may_post = true};
const RouteOptions kSignedIn{.access = Access::kAuthenticated};

const std::string& Pick(const Text& text, Language language) {
  return language == Language::kEnglish ? text.en : text.nl;
}

json Texts(const std::vector<Text>& texts, Language language) {
  json out = json::array();
  for (const Text& t : texts) out.push_back(Pick(t, language));
  return out;
}

json SourceView(const KnowledgeBase& kb, const std::string& id) {
  auto it = kb.sources.find(id);
  if (it == kb.sources.end()) return nullptr;
  return {{"id", id},
          {"title", it->second.title},
          {"publisher", it->second.publisher},
          {"year", it->second.year > 0 ? json(it->second.year) : json(nullptr)}};
}

json StrategyView(const KnowledgeBase& kb, const Strategy& s, Language language) {
  return {{"id", s.id},
          {"number", s.number},
          {"name", Pick(s.name, language)},
          {"meaning", Pick(s.meaning, language)},
          {"advantage", Pick(s.advantage, language)},
          {"disadvantage", Pick(s.disadvantage, language)},
          {"fits_when", Pick(s.fits_when, language)},
          {"tips", Texts(s.tips, language)},
          {"small_provider",
           s.small_provider ? json(Pick(*s.small_provider, language)) : json(nullptr)},
          {"examples", Texts(s.examples, language)},
          {"source", SourceView(kb, s.source)}};
}

json ItemView(const KnowledgeBase& kb, const Item& item, Language language) {
  return {{"id", item.id},
          {"title", Pick(item.title, language)},
          {"text", Pick(item.text, language)},
          {"source", item.source.empty() ? json(nullptr) : SourceView(kb, item.source)}};
}

json RuleView(const KnowledgeBase& kb, const Rule& r, Language language) {
  return {{"id", r.id},
          {"weight", r.weight},
          {"reason", Pick(r.reason, language)},
          {"source", SourceView(kb, r.source)}};
}

json SavedAdviceView(const SavedAdvice& a) {
  const Situation& s = a.situation;
  return {{"id", a.id},
          {"plan_id", a.plan_id ? json(*a.plan_id) : json(nullptr)},
          {"organisation_id", a.organisation_id ? json(*a.organisation_id) : json(nullptr)},
          {"situation",
           {{"size", s.size},
            {"phase", s.phase},
            {"level", s.level},
            {"goal", s.goal},
            {"assets", std::vector<std::string>(s.assets.begin(), s.assets.end())}}},
          {"ranking", a.ranking},
          {"note", a.note},
          {"created_by", a.created_by ? json(*a.created_by) : json(nullptr)},
          {"created_at", FormatTimestamp(a.created_at)}};
}

/// Reads the situation fields shared by asking for and saving advice.
AdviceRequest ReadAdviceRequest(JsonObjectReader& body) {
  AdviceRequest request;
  auto size = body.String("size", false, 64);
  auto phase = body.String("phase", false, 64);
  auto level = body.String("level", false, 64);
  auto goal = body.String("goal", false, 64);
  auto assets = body.StringList("assets", false, 20, 64);
  request.employees = body.Integer("employees", false);
  request.plan_id = body.Integer("plan_id", false);
  request.situation = {.size = size.value_or(""),
                       .phase = phase.value_or(""),
                       .level = level.value_or(""),
                       .goal = goal.value_or("")};
  for (auto& a : assets.value_or(std::vector<std::string>{})) {
    request.situation.assets.insert(std::move(a));
  }
  return request;
}

const RouteOptions kMember{.access = Access::kWorkspace};

HttpResponse GetKnowledge(AdvisorService& service, RequestContext& ctx) {
  const KnowledgeBase& kb = service.knowledge();
  json strategies = json::array();
  for (const Strategy& s : kb.strategies) strategies.push_back(StrategyView(kb, s, ctx.language));
  json general = json::array();
  for (const Item& item : kb.general) general.push_back(ItemView(kb, item, ctx.language));
  json collections = json::array();
  for (const Collection& c : kb.collections) {
    json items = json::array();
    for (const Item& item : c.items) items.push_back(ItemView(kb, item, ctx.language));
    collections.push_back({{"id", c.id},
                           {"title", Pick(c.title, ctx.language)},
                           {"intro", Pick(c.intro, ctx.language)},
                           {"source", SourceView(kb, c.source)},
                           {"items", items}});
  }
  return JsonResponse(200, {{"language", ToTag(ctx.language)},
                            {"strategies", strategies},
                            {"general", general},
                            {"collections", collections}});
}

/// Advice for the situation in the body; computed, not stored (viewers may ask too).
HttpResponse GetAdvice(AdvisorService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  AdviceRequest request = ReadAdviceRequest(*body);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto result = service.Advise(*ctx.workspace, request);
  if (!result) return Fail(ctx, result.error());
  const KnowledgeBase& kb = service.knowledge();
  json ranked = json::array();
  for (const RankedStrategy& r : result->advice.ranked) {
    json reasons = json::array();
    for (const Rule* rule : r.reasons) reasons.push_back(RuleView(kb, *rule, ctx.language));
    ranked.push_back({{"strategy", StrategyView(kb, *r.strategy, ctx.language)},
                      {"score", r.score},
                      {"reasons", reasons}});
  }
  json plan = json::array();
  for (const auto& [phase_id, strategies] : result->advice.phase_plan) {
    json ids = json::array();
    for (const Strategy* s : strategies) {
      ids.push_back({{"id", s->id}, {"number", s->number}, {"name", Pick(s->name, ctx.language)}});
    }
    plan.push_back({{"phase", phase_id}, {"strategies", ids}});
  }
  json extra = json::array();
  for (const ExtraAdvice* e : result->advice.extra) {
    extra.push_back({{"id", e->id},
                     {"text", Pick(e->text, ctx.language)},
                     {"source", SourceView(kb, e->source)}});
  }
  const Situation& s = result->situation;
  json situation = {{"size", s.size},
                    {"phase", s.phase},
                    {"level", s.level},
                    {"goal", s.goal},
                    {"assets", json(std::vector<std::string>(s.assets.begin(), s.assets.end()))}};
  return JsonResponse(200, {{"situation", situation},
                            {"plan_id", result->plan ? json(result->plan->id) : json(nullptr)},
                            {"ranked", ranked},
                            {"phase_plan", plan},
                            {"extra_advice", extra}});
}

HttpResponse GetWorkspaceKnowledge(AdvisorService& service, RequestContext& ctx) {
  auto own = service.Knowledge(*ctx.workspace);
  json settings = json::array();
  for (const auto& s : own.settings) {
    settings.push_back({{"item_key", s.item_key}, {"hidden", s.hidden}, {"note", s.note}});
  }
  json items = json::array();
  for (const auto& i : own.own_items) {
    items.push_back({{"id", i.id},
                     {"title", i.title},
                     {"text", i.text},
                     {"source", i.source},
                     {"created_at", FormatTimestamp(i.created_at)}});
  }
  return JsonResponse(200, {{"settings", settings}, {"own_items", items}});
}

HttpResponse SetKnowledgeSetting(AdvisorService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto key = body->String("item_key", true, 256);
  auto hidden = body->Boolean("hidden");
  auto note = body->String("note", false, 16 * 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto done = service.SetSetting(
      *ctx.workspace,
      {.item_key = *key, .hidden = hidden.value_or(false), .note = note.value_or("")});
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse AddOwnKnowledgeItem(AdvisorService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto title = body->String("title", true, 1024);
  auto text = body->String("text", true, 64 * 1024);
  auto source = body->String("source", false, 2048);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto item = service.AddOwnItem(*ctx.workspace,
                                 {.title = *title, .text = *text, .source = source.value_or("")});
  if (!item) return Fail(ctx, item.error());
  return JsonResponse(201, {{"id", item->id},
                            {"title", item->title},
                            {"text", item->text},
                            {"source", item->source},
                            {"created_at", FormatTimestamp(item->created_at)}});
}

HttpResponse DeleteOwnKnowledgeItem(AdvisorService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "item_id");
  if (!id) return Fail(ctx, id.error());
  auto done = service.DeleteOwnItem(*ctx.workspace, *id);
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse ListSavedAdvice(AdvisorService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  auto id_param = [&](const char* name) -> std::optional<std::int64_t> {
    auto text = ctx.request.Query(name);
    if (!text || text->empty()) return std::nullopt;
    try {
      std::size_t used = 0;
      const long long v = std::stoll(std::string(*text), &used);
      if (used == text->size() && v > 0) return v;
    } catch (const std::exception&) {
    }
    errors.Add(name, core::FieldIssue::kInvalidFormat);
    return std::nullopt;
  };
  auto plan = id_param("plan_id");
  auto organisation = id_param("organisation_id");
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  json items = json::array();
  for (const auto& a : service.SavedAdviceList(*ctx.workspace, plan, organisation)) {
    items.push_back(SavedAdviceView(a));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse SaveAdvice(AdvisorService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  AdviceRequest request = ReadAdviceRequest(*body);
  auto organisation = body->Integer("organisation_id", false);
  auto note = body->String("note", false, 16 * 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto saved = service.SaveAdvice(*ctx.workspace, request, organisation, note.value_or(""));
  if (!saved) return Fail(ctx, saved.error());
  return JsonResponse(201, SavedAdviceView(*saved));
}

HttpResponse DeleteSavedAdvice(AdvisorService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "advice_id");
  if (!id) return Fail(ctx, id.error());
  auto done = service.DeleteSavedAdvice(*ctx.workspace, *id);
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

}  // namespace

void RegisterAdvisorRoutes(Router& router, AdvisorService& service) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  router.Add("GET", "/api/v1/knowledge", bind(GetKnowledge), kSignedIn);
  router.Add("POST", base + "/advice", bind(GetAdvice), kReaders);
  router.Add("GET", base + "/knowledge", bind(GetWorkspaceKnowledge), kMember);
  router.Add("POST", base + "/knowledge/settings", bind(SetKnowledgeSetting), kMember);
  router.Add("POST", base + "/knowledge/items", bind(AddOwnKnowledgeItem), kMember);
  router.Add("DELETE", base + "/knowledge/items/{item_id}", bind(DeleteOwnKnowledgeItem), kMember);
  router.Add("GET", base + "/saved-advice", bind(ListSavedAdvice), kMember);
  router.Add("POST", base + "/saved-advice", bind(SaveAdvice), kMember);
  router.Add("DELETE", base + "/saved-advice/{advice_id}", bind(DeleteSavedAdvice), kMember);
}

}  // namespace aantafel::http
