#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/result.hpp"
#include "core/search/match.hpp"

namespace aantafel::core::search {

// Zoeken in alles: one query across the modules of a workspace. Each module offers its records
// through a SearchSource (sources.hpp); the service parses the query, asks every source, and
// returns the hits grouped by kind, best first. Shared reference data (municipalities, the
// knowledge base) is searched the same way. Decision 43.

/// One record found, ready to show: spans are byte ranges of the title, subtitle and snippet.
struct Hit {
  std::string kind;  ///< "people", "organisations", "interactions", … (one group per kind)
  std::string id;
  std::string title;
  std::string subtitle;
  std::string snippet;  ///< a piece of a longer text where the words were found, or empty
  std::string link;     ///< app path below /w/{slug}/
  std::vector<Span> title_spans;
  std::vector<Span> subtitle_spans;
  std::vector<Span> snippet_spans;
  int score = 0;  ///< lower is better
};

/// Builds a hit from a match of [title, subtitle, body…]: the spans of the first two fields, and
/// a snippet from the first further field with a match. nullopt when `match` is empty.
Hit HitOf(std::string kind, std::string id, std::string link,
          const std::vector<std::string_view>& fields, const Match& match);

/// Keeps the `limit` best hits (by score, then title), in that order.
void KeepBest(std::vector<Hit>& hits, std::size_t limit);

struct SearchContext {
  bool english = false;
  std::size_t limit = 5;  ///< hits per kind
};

/// Port: one module's records that match a query, at most context.limit per kind.
class SearchSource {
 public:
  virtual ~SearchSource() = default;
  virtual void Search(const accounts::WorkspaceAccess& access, const Query& query,
                      const SearchContext& context, std::vector<Hit>& out) = 0;
};

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
