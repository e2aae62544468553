// Global search: one query across people, organisations, municipalities, plans, agreements,
// scans, services and the knowledge base, each workspace seeing only its own; knowledge and
// municipalities are shared reference data.
#include <map>
#include <nlohmann/json.hpp>

#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
constexpr std::size_t kMinQuery = 2;
constexpr std::size_t kMaxQuery = 100;

/// Collects at most `limit` hits of one kind.
class Group {
 public:
  Group(std::string kind, std::size_t limit) : kind_(std::move(kind)), limit_(limit) {}
  [[nodiscard]] bool full() const { return items_.size() >= limit_; }
  void Add(json id, const std::string& title, const std::string& subtitle, std::string link) {
    if (!full()) {
      items_.push_back(
          {{"id", std::move(id)}, {"title", title}, {"subtitle", subtitle}, {"link", link}});
    }
  }
  [[nodiscard]] json ToJson() const { return {{"kind", kind_}, {"items", items_}}; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

 private:
  std::string kind_;
  std::size_t limit_;
  json items_ = json::array();
};

}  // namespace

void RegisterSearchRoutes(Router& router, SearchDeps deps) {
  router.Add(
      "GET", "/api/v1/workspaces/{slug}/search",
      [deps](RequestContext& ctx) {
        const std::string raw(ctx.request.Query("q").value_or(""));
        const std::string query(core::TrimAscii(raw));
        if (!core::IsValidUtf8(query)) {
          return Fail(ctx, core::Error::Field("q", core::FieldIssue::kInvalidUtf8));
        }
        if (core::CodePointCount(query) < kMinQuery) {
          return Fail(ctx, core::Error::Field("q", core::FieldIssue::kTooShort,
                                              static_cast<int>(kMinQuery)));
        }
        if (core::CodePointCount(query) > kMaxQuery) {
          return Fail(ctx, core::Error::Field("q", core::FieldIssue::kTooLong,
                                              static_cast<int>(kMaxQuery)));
        }
        std::size_t limit = 5;
        if (auto l = ctx.request.Query("limit"); l && !l->empty()) {
          if (*l == "10" || *l == "20" || *l == "5") {
            limit = static_cast<std::size_t>(std::stoi(std::string(*l)));
          } else {
            return Fail(ctx, core::Error::Field("limit", core::FieldIssue::kInvalidChoice));
          }
        }
        const auto& access = *ctx.workspace;
        const bool en = ctx.language == Language::kEnglish;
        const std::string needle = core::SearchFold(query);
        auto matches = [&needle](std::string_view text) {
          return core::SearchFold(text).find(needle) != std::string::npos;
        };
        std::vector<Group> groups;

        Group people("people", limit);
        for (const auto& p :
             deps.whoiswho.ListPeople(access, {.text = query, .limit = limit}).items) {
          std::string role;
          if (!p.current_positions.empty()) role = p.current_positions.front().title;
          people.Add(p.person.id, p.person.name, role, "people/" + std::to_string(p.person.id));
        }
        groups.push_back(std::move(people));

        // A municipality of the workspace opens on its municipality page.
        Group organisations("organisations", limit);
        std::map<std::string, std::int64_t> page_of_code;
        for (const auto& o : deps.whoiswho.ListOrganisations(access)) {
          const bool municipality = o.kind == core::whoiswho::OrganisationKind::kMunicipality;
          if (municipality && o.municipality_code) page_of_code[*o.municipality_code] = o.id;
          if (!organisations.full() && matches(o.name)) {
            organisations.Add(o.id, o.name, std::string(core::whoiswho::ToString(o.kind)),
                              (municipality ? "municipalities/" : "people/organisations/") +
                                  std::to_string(o.id));
          }
        }
        groups.push_back(std::move(organisations));

        Group municipalities("municipalities", limit);
        for (const auto& m : deps.whoiswho.SearchMunicipalities(query)) {
          if (municipalities.full()) break;
          const auto page = page_of_code.find(m.code);
          municipalities.Add(m.code, m.name, m.province.value_or(""),
                             page != page_of_code.end()
                                 ? "municipalities/" + std::to_string(page->second)
                                 : "people/organisations?municipality=" + m.code);
        }
        groups.push_back(std::move(municipalities));

        Group plans("plans", limit);
        for (const auto& p : deps.calendar.ListPlans(access)) {
          if (plans.full()) break;
          if (matches(p.title) || matches(p.description)) {
            plans.Add(p.id, p.title, std::to_string(p.budget_year),
                      "policy-calendar/plans/" + std::to_string(p.id));
          }
        }
        groups.push_back(std::move(plans));

        Group agreements("agreements", limit);
        for (const auto& a : deps.relations.ListAgreements(access, std::nullopt)) {
          if (agreements.full()) break;
          if (matches(a.title) || matches(a.description)) {
            agreements.Add(a.id, a.title, a.due_on ? a.due_on->ToString() : "",
                           "interactions/agreements/" + std::to_string(a.id));
          }
        }
        groups.push_back(std::move(agreements));

        Group scans("scans", limit);
        for (const auto& s : deps.scans.ListScans(access)) {
          if (scans.full()) break;
          if (matches(s.scan.title) || matches(s.scan.collaboration)) {
            scans.Add(s.scan.id, s.scan.title, s.scan.collaboration,
                      "scan/" + std::to_string(s.scan.id));
          }
        }
        groups.push_back(std::move(scans));

        Group services("services", limit);
        for (const auto& s : deps.social_map.ListServices(access, {})) {
          if (services.full()) break;
          if (matches(s.name) || matches(s.organisation_name)) {
            services.Add(s.id, s.name, s.organisation_name,
                         "social-map/services/" + std::to_string(s.id));
          }
        }
        groups.push_back(std::move(services));

        Group knowledge("knowledge", limit);
        const auto& kb = deps.advisor.knowledge();
        for (const auto& s : kb.strategies) {
          if (knowledge.full()) break;
          if (matches(s.name.nl) || matches(s.name.en) || matches(s.meaning.nl) ||
              matches(s.meaning.en)) {
            knowledge.Add(s.id, en ? s.name.en : s.name.nl, en ? "Strategy" : "Strategie",
                          "advisor/knowledge#" + s.id);
          }
        }
        for (const auto& c : kb.collections) {
          for (const auto& item : c.items) {
            if (knowledge.full()) break;
            if (matches(item.title.nl) || matches(item.title.en) || matches(item.text.nl) ||
                matches(item.text.en)) {
              knowledge.Add(c.id + "/" + item.id, en ? item.title.en : item.title.nl,
                            en ? c.title.en : c.title.nl, "advisor/knowledge#" + item.id);
            }
          }
        }
        groups.push_back(std::move(knowledge));

        json out = json::array();
        for (const auto& g : groups) {
          if (!g.empty()) out.push_back(g.ToJson());
        }
        return JsonResponse(200, {{"q", query}, {"groups", out}});
      },
      kMember);
}

}  // namespace aantafel::http
