#include "core/council/search.hpp"

#include <algorithm>
#include <set>

#include "core/enum_names.hpp"
#include "core/stemming.hpp"
#include "core/validation.hpp"

namespace aantafel::core::council {

namespace {

constexpr EnumNames<SearchKind, 4> kKindNames{{{SearchKind::kAgendaItem, "agenda_item"},
                                               {SearchKind::kMotion, "motion"},
                                               {SearchKind::kMeeting, "meeting"},
                                               {SearchKind::kDocument, "document"}}};

/// A folded word as the index holds it: its stem, or the word itself when it has a digit
/// ("2027", "wmo2015": numbers and codes are not Dutch words).
std::string StemOf(const std::string& folded) {
  const bool digit =
      std::any_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digit ? folded : DutchStem(folded);
}

}  // namespace

std::string_view ToString(SearchKind kind) { return NameOf(kKindNames, kind); }

std::optional<SearchKind> SearchKindFrom(std::string_view text) {
  return ValueOf(kKindNames, text);
}

std::string SearchStems(std::string_view text) {
  std::string out;
  for (const auto& word : search::SplitWords(text)) {
    if (!out.empty()) out += ' ';
    out += StemOf(word.folded);
  }
  return out;
}

Result<SearchTerms> ParseSearchTerms(std::string_view text, bool as_you_type) {
  auto query = search::ParseQuery(text);
  if (!query) return query.error();
  return TermsOf(*query, as_you_type);
}

SearchTerms TermsOf(const search::Query& query, bool as_you_type) {
  SearchTerms terms;
  std::size_t words = 0;
  bool last_quoted = false;
  // Parts between double quotes are phrases; elsewhere every word is its own phrase.
  std::size_t start = 0;
  bool quoted = false;
  const std::string_view text = query.text;
  while (start <= text.size() && words < search::kMaxWords) {
    const std::size_t quote = std::min(text.find('"', start), text.size());
    const std::string_view part = text.substr(start, quote - start);
    std::vector<std::string> phrase;
    for (const auto& word : search::SplitWords(part)) {
      if (words == search::kMaxWords) break;
      ++words;
      if (quoted) {
        phrase.push_back(StemOf(word.folded));
      } else {
        terms.phrases.push_back({StemOf(word.folded)});
        last_quoted = false;
      }
    }
    if (quoted && !phrase.empty()) {
      terms.phrases.push_back(std::move(phrase));
      last_quoted = true;
    }
    quoted = !quoted;
    start = quote + 1;
  }
  // Typing "wachtl" should already find "wachtlijst"; not after a space or a closing quote.
  const auto all = search::SplitWords(text);
  terms.prefix_last = as_you_type && !terms.phrases.empty() && !last_quoted && !all.empty() &&
                      all.back().end == text.size();
  return terms;
}

std::vector<search::Span> StemSpans(std::string_view text, const SearchTerms& terms) {
  std::set<std::string> stems;
  for (const auto& phrase : terms.phrases) stems.insert(phrase.begin(), phrase.end());
  const std::string* prefix = terms.prefix_last ? &terms.phrases.back().back() : nullptr;
  std::vector<search::Span> spans;
  for (const auto& word : search::SplitWords(text)) {
    const std::string stem = StemOf(word.folded);
    if (stems.contains(stem) || (prefix != nullptr && stem.starts_with(*prefix))) {
      spans.push_back({.begin = word.begin, .end = word.end});
    }
  }
  return spans;
}

std::vector<std::string> TopicStems(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& word : search::SplitWords(text)) out.push_back(StemOf(word.folded));
  return out;
}

namespace {

std::vector<std::vector<std::string>> Phrases(const std::vector<std::string>& terms) {
  std::vector<std::vector<std::string>> out;
  for (const auto& term : terms) {
    auto stems = TopicStems(term);
    if (!stems.empty()) out.push_back(std::move(stems));
  }
  return out;
}

bool AnyIn(const std::vector<std::vector<std::string>>& phrases,
           const std::vector<std::string>& stems) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::vector<std::string>& phrase) {
    return std::search(stems.begin(), stems.end(), phrase.begin(), phrase.end()) != stems.end();
  });
}

}  // namespace

CompiledTopic::CompiledTopic(const Topic& topic)
    : topic_(&topic), terms_(Phrases(topic.terms)), exclusions_(Phrases(topic.exclusions)) {}

bool CompiledTopic::Matches(const std::vector<std::string>& stems) const {
  return !stems.empty() && AnyIn(terms_, stems) && !AnyIn(exclusions_, stems);
}

std::string TopicNameKey(std::string_view name) { return LowerAscii(name); }

std::vector<CompiledTopic> CompileTopics(const std::vector<Topic>& topics) {
  std::vector<CompiledTopic> compiled;
  compiled.reserve(topics.size());
  for (const auto& topic : topics) compiled.emplace_back(topic);
  return compiled;
}

}  // namespace aantafel::core::council
