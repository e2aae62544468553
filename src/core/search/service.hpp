#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/result.hpp"
#include "core/search/match.hpp"
#include "core/search/ports.hpp"

namespace aantafel::core::search {

// Zoeken in alles: one query across the modules of a workspace. Each module offers its records
// through a SearchSource (sources.hpp); the service parses the query, asks every source, and
// returns the hits grouped by kind, best first. Shared reference data (municipalities, the
// knowledge base) is searched the same way. Decision 43.

/// Builds a hit from a match of [title, subtitle, body…]: the spans of the first two fields, and
/// a snippet from the first further field with a match. nullopt when `match` is empty.
Hit HitOf(std::string kind, std::string id, std::string link,
          const std::vector<std::string_view>& fields, const Match& match);

/// Keeps the `limit` best hits (by score, then title), in that order.
void KeepBest(std::vector<Hit>& hits, std::size_t limit);

/// The hits of one kind.
struct Group {
  std::string kind;
  std::vector<Hit> items;
};

class SearchService {
 public:
  /// Adds a module's records to search. The source must outlive the service.
  void AddSource(SearchSource& source) { sources_.push_back(&source); }

  /// Errors under "q" (see ParseQuery) and "limit" (5, 10 or 20).
  Result<std::vector<Group>> Search(const accounts::WorkspaceAccess& access, std::string_view text,
                                    std::size_t limit, bool english);

 private:
  std::vector<SearchSource*> sources_;
};

}  // namespace aantafel::core::search
