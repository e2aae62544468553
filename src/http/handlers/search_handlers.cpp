// Zoeken in alles: GET …/search. The query is parsed and answered in core/search (every module's
// SearchSource); this handler reads the query string and writes the groups as JSON, with the
// matched words as UTF-16 ranges for the browser to highlight.
#include <nlohmann/json.hpp>

#include "core/search/service.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};

/// Numeric ids as numbers (records), others as strings (municipality codes, knowledge ids).
json IdJson(const std::string& id) {
  const bool digits =
      !id.empty() && id.size() < 19 && id.find_first_not_of("0123456789") == std::string::npos;
  return digits ? json(std::stoll(id)) : json(id);
}

HttpResponse Search(core::search::SearchService& search, RequestContext& ctx) {
  std::size_t limit = 5;
  if (auto l = ctx.request.Query("limit"); l && !l->empty()) {
    limit = *l == "10" ? 10 : *l == "20" ? 20 : *l == "5" ? 5 : 0;
  }
  const std::string q(ctx.request.Query("q").value_or(""));
  auto groups = search.Search(*ctx.workspace, q, limit, ctx.language == Language::kEnglish);
  if (!groups) return Fail(ctx, groups.error());
  json out = json::array();
  for (const auto& g : *groups) {
    json items = json::array();
    for (const auto& hit : g.items) {
      items.push_back({{"id", IdJson(hit.id)},
                       {"title", hit.title},
                       {"subtitle", hit.subtitle},
                       {"snippet", hit.snippet},
                       {"link", hit.link},
                       {"highlights",
                        {{"title", HighlightRanges(hit.title, hit.title_spans)},
                         {"subtitle", HighlightRanges(hit.subtitle, hit.subtitle_spans)},
                         {"snippet", HighlightRanges(hit.snippet, hit.snippet_spans)}}}});
    }
    out.push_back({{"kind", g.kind}, {"items", std::move(items)}});
  }
  return JsonResponse(200, {{"q", std::string(core::TrimAscii(q))}, {"groups", out}});
}

}  // namespace

void RegisterSearchRoutes(Router& router, core::search::SearchService& search) {
  const auto bind = HandlerBinder(std::ref(search));
  router.Add("GET", "/api/v1/workspaces/{slug}/search", bind(Search), kMember);
}

}  // namespace aantafel::http
