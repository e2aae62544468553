#include "core/search/service.hpp"

#include <algorithm>
#include <map>

namespace aantafel::core::search {

Hit HitOf(std::string kind, std::string id, std::string link,
          const std::vector<std::string_view>& fields, const Match& match) {
  Hit hit{.kind = std::move(kind), .id = std::move(id), .link = std::move(link)};
  hit.score = match.score;
  if (!fields.empty()) {
    hit.title = std::string(fields[0]);
    hit.title_spans = match.spans[0];
  }
  if (fields.size() > 1) {
    hit.subtitle = std::string(fields[1]);
    hit.subtitle_spans = match.spans[1];
  }
  for (std::size_t f = 2; f < fields.size(); ++f) {
    if (match.spans[f].empty()) continue;
    hit.snippet_spans = match.spans[f];
    hit.snippet = Excerpt(fields[f], hit.snippet_spans);
    break;
  }
  return hit;
}

void KeepBest(std::vector<Hit>& hits, std::size_t limit) {
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.score != b.score) return a.score < b.score;
    return a.title < b.title;
  });
  if (hits.size() > limit) hits.resize(limit);
}

Result<std::vector<Group>> SearchService::Search(const accounts::WorkspaceAccess& access,
                                                 std::string_view text, std::size_t limit,
                                                 bool english) {
  if (limit != 5 && limit != 10 && limit != 20) {
    return Error::Field("limit", FieldIssue::kInvalidChoice);
  }
  auto query = ParseQuery(text);
  if (!query) return query.error();
  const SearchContext context{.english = english, .limit = limit};
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;  // kind → position in groups, in the sources' order
  for (SearchSource* source : sources_) {
    std::vector<Hit> hits;
    source->Search(access, *query, context, hits);
    for (auto& hit : hits) {
      auto [it, added] = index.emplace(hit.kind, groups.size());
      if (added) groups.push_back({.kind = hit.kind, .items = {}});
      groups[it->second].items.push_back(std::move(hit));
    }
  }
  for (auto& group : groups) KeepBest(group.items, limit);
  return groups;
}

}  // namespace aantafel::core::search
