#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/search/match.hpp"

namespace aantafel::core::search {

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

}  // namespace aantafel::core::search
