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

}  // namespace

void RegisterAdvisorRoutes(Router& router, AdvisorService& service) {
  router.Add(
      "GET", "/api/v1/knowledge",
      [&service](RequestContext& ctx) {
        const KnowledgeBase& kb = service.knowledge();
        json strategies = json::array();
        for (const Strategy& s : kb.strategies)
          strategies.push_back(StrategyView(kb, s, ctx.language));
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
      },
      kSignedIn);

  router.Add(
      "POST", "/api/v1/workspaces/{slug}/advice",
      [&service](RequestContext& ctx) {
        auto body = JsonObjectReader::Parse(ctx.request);
        if (!body) return Fail(ctx, body.error());
        AdviceRequest request;
        auto size = body->String("size", false, 64);
        auto phase = body->String("phase", false, 64);
        auto level = body->String("level", false, 64);
        auto goal = body->String("goal", false, 64);
        auto assets = body->StringList("assets", false, 20, 64);
        request.employees = body->Integer("employees", false);
        request.plan_id = body->Integer("plan_id", false);
        if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
        request.situation = {.size = size.value_or(""),
                             .phase = phase.value_or(""),
                             .level = level.value_or(""),
                             .goal = goal.value_or("")};
        for (auto& a : assets.value_or(std::vector<std::string>{})) {
          request.situation.assets.insert(std::move(a));
        }
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
            ids.push_back(
                {{"id", s->id}, {"number", s->number}, {"name", Pick(s->name, ctx.language)}});
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
        json situation = {
            {"size", s.size},
            {"phase", s.phase},
            {"level", s.level},
            {"goal", s.goal},
            {"assets", json(std::vector<std::string>(s.assets.begin(), s.assets.end()))}};
        return JsonResponse(200,
                            {{"situation", situation},
                             {"plan_id", result->plan ? json(result->plan->id) : json(nullptr)},
                             {"ranked", ranked},
                             {"phase_plan", plan},
                             {"extra_advice", extra}});
      },
      kReaders);
}

}  // namespace aantafel::http
