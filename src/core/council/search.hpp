#pragma once
// Zoeken in de raad: the one rule for how council texts are indexed and queried (decision 45).
// A text's words are folded (case and accents, as in global search) and reduced to their Dutch
// Snowball stem, so "wachtlijsten" finds "wachtlijst"; numbers stay as they are. Both databases
// index these stems (SQLite FTS5, PostgreSQL tsvector), so both find the same records.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/council/model.hpp"
#include "core/result.hpp"
#include "core/search/match.hpp"

namespace aantafel::core::council {

/// The words of `text` as the index holds them: stems separated by single spaces.
std::string SearchStems(std::string_view text);

/// A parsed query: every phrase must occur (AND); a phrase is one or more stems in a row (a
/// quoted part of the query, or one word). `prefix_last`: the last word was still being typed, so
/// it also matches longer words.
struct SearchTerms {
  std::vector<std::vector<std::string>> phrases;
  bool prefix_last = false;
};

/// Errors under "q" (as global search: 2–100 characters, some letter or digit). At most 8 words
/// count. `as_you_type`: the last word, when not in quotes, also matches longer words.
Result<SearchTerms> ParseSearchTerms(std::string_view text, bool as_you_type);

/// The same for a query global search has checked already.
SearchTerms TermsOf(const search::Query& query, bool as_you_type);

/// Where in `text` the words are that `terms` look for (byte ranges, in order).
std::vector<search::Span> StemSpans(std::string_view text, const SearchTerms& terms);

/// The words of `text` by the search word rule (folded, Dutch stems, numbers as they are), for
/// testing against topics.
std::vector<std::string> TopicStems(std::string_view text);

/// A workspace's topic ready to test texts (stemmed with TopicStems, the same word rule as
/// council search, so "clientondersteuning" is on the topic "cliëntondersteuning"): a text is on
/// the topic when one of its terms occurs (a term of several words as those words in a row) and
/// none of its exclusions does. The one rule behind the topic hits of meetings and the topic
/// tallies of a person's votes.
class CompiledTopic {
 public:
  explicit CompiledTopic(const Topic& topic);
  [[nodiscard]] const Topic& topic() const { return *topic_; }
  [[nodiscard]] bool Matches(const std::vector<std::string>& stems) const;

 private:
  const Topic* topic_;  ///< not owned: lives as long as the topics it was compiled from
  std::vector<std::vector<std::string>> terms_;
  std::vector<std::vector<std::string>> exclusions_;
};

/// A topic's name as it must be unique in a workspace: "Jeugdhulp" and "jeugdhulp" would read as
/// one topic in every list and notification (ASCII letters in lower case; the storage keeps it
/// with a unique index, so two requests at once cannot both take a name).
std::string TopicNameKey(std::string_view name);

/// Every topic of `topics` compiled, in the same order; `topics` must outlive the result.
std::vector<CompiledTopic> CompileTopics(const std::vector<Topic>& topics);

}  // namespace aantafel::core::council
