#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace aantafel::core::search {

// Zoeken: how a query matches a record's words. Case and accents are ignored (SearchFold), every
// word of the query must match a word of the record, and a word matches when it is the same,
// when the record's word starts with or contains it, or when it is at most one typing mistake
// away (two for words of eight letters or more): a letter left out, added, changed, or two
// letters swapped. Pure: the same query and text always give the same answer.

/// A byte range [begin, end) in a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

/// A query as typed, and its folded words (at most kMaxWords).
struct Query {
  std::string text;
  std::vector<std::string> words;
};

inline constexpr std::size_t kMinQueryChars = 2;
inline constexpr std::size_t kMaxQueryChars = 100;
inline constexpr std::size_t kMaxWords = 8;

/// Errors under "q": invalid UTF-8, shorter than 2 or longer than 100 characters (trimmed),
/// no letters or digits at all.
Result<Query> ParseQuery(std::string_view text);

/// One word of a text: its bytes in the original and its folded form.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string folded;
};
/// The words of `text`: runs of letters and digits (any non-ASCII character counts as a letter,
/// except spaces and punctuation from U+00A0–U+00BF and U+2000–U+206F).
std::vector<Word> SplitWords(std::string_view text);

/// Whether `a` and `b` differ by at most `limit` edits (insert, delete, change, swap two
/// neighbours): the optimal string alignment distance, on bytes of folded text.
bool WithinEdits(std::string_view a, std::string_view b, int limit);

/// How well a record matched: lower is better. 0 for every word exactly, more for prefixes,
/// words found inside other words and typing mistakes, and for matches outside the title.
struct Match {
  int score = 0;
  std::vector<std::vector<Span>> spans;  ///< per field, in the order given
};

/// Matches `query` against a record's fields (most important first: title, subtitle, body…).
/// nullopt when some query word matches no word in any field.
std::optional<Match> MatchFields(const Query& query, const std::vector<std::string_view>& fields);

/// At most `max_bytes` of `text` around `spans`' first range, cut at word boundaries, with "…"
/// where it was cut; `spans` are moved to the excerpt (those outside it dropped).
std::string Excerpt(std::string_view text, std::vector<Span>& spans, std::size_t max_bytes = 160);

/// A byte offset in UTF-8 `text` as a count of UTF-16 code units (how JavaScript counts).
std::size_t Utf16Offset(std::string_view text, std::size_t byte_offset);

}  // namespace aantafel::core::search
