#include "core/search/match.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>

#include "core/validation.hpp"

namespace aantafel::core::search {

namespace {

/// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// The code point at `at` (a valid sequence assumed; stray bytes as themselves).
char32_t CodePointAt(std::string_view text, std::size_t at, std::size_t length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  if (at + length > text.size()) return byte(0);
  switch (length) {
    case 2: return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    case 3: return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    case 4:
      return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) |
             (byte(3) & 0x3Fu);
    default: return byte(0);
  }
}

bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c >= 0xA0 && c <= 0xBF) return false;      // NBSP, ¡ … ¿, «, », °
  if (c == 0xD7 || c == 0xF7) return false;      // × ÷
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: – — ‘ ’ “ ” … ‰
  if (c >= 0x20A0 && c <= 0x20CF) return false;  // currency signs: €
  return true;
}

/// Which letters and digits a folded word contains: bits 0–25 a–z, 26–35 0–9, 36 anything else.
std::uint64_t LetterMask(std::string_view folded) {
  std::uint64_t mask = 0;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      mask |= std::uint64_t{1} << (c - 'a');
    } else if (c >= '0' && c <= '9') {
      mask |= std::uint64_t{1} << (26 + c - '0');
    } else {
      mask |= std::uint64_t{1} << 36;
    }
  }
  return mask;
}

// How a query word met a text word; the order is the order of preference.
enum class Fit { kExact = 0, kPrefix = 1, kInside = 2, kTypo = 3, kNone = 99 };

int AllowedEdits(std::size_t length) {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/// `query_mask` and `text_mask` are the words' LetterMasks: each letter of the query word that
/// the text word lacks costs at least one edit, so most words are ruled out without the table.
Fit FitOf(std::string_view query_word, std::uint64_t query_mask, std::string_view text_word,
          std::uint64_t text_mask) {
  if (query_word == text_word) return Fit::kExact;
  if (text_word.starts_with(query_word)) return Fit::kPrefix;
  if (query_word.size() >= 3 && text_word.find(query_word) != std::string_view::npos) {
    return Fit::kInside;
  }
  const int edits = AllowedEdits(query_word.size());
  if (edits == 0) return Fit::kNone;
  if (std::popcount(query_mask & ~text_mask) > edits) return Fit::kNone;
  if (WithinEdits(query_word, text_word, edits)) return Fit::kTypo;
  // Typed so far, with a mistake: the start of a longer word.
  if (text_word.size() > query_word.size() + 1 &&
      WithinEdits(query_word, text_word.substr(0, query_word.size()), edits)) {
    return Fit::kTypo;
  }
  return Fit::kNone;
}

/// The words of one text, folded into one buffer: word i is folded[begin..end) and comes from
/// original bytes [original_begin, original_end).
struct FoldedWords {
  std::string folded;
  struct Entry {
    std::uint32_t begin, end, original_begin, original_end;
    std::uint64_t mask;
  };
  std::vector<Entry> words;

  void Read(std::string_view text) {
    // U+00C0–U+00FF as their plain letters (as SearchFold), indexed by the code point − 0xC0.
    static constexpr std::string_view kLatin1 =
        "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    folded.clear();
    words.clear();
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const std::size_t length = std::min(SequenceLength(lead), text.size() - i);
      const char32_t c = CodePointAt(text, i, length);
      if (IsWordCodePoint(c)) {
        if (!in_word) {
          words.push_back(
              {static_cast<std::uint32_t>(folded.size()), 0, static_cast<std::uint32_t>(i), 0});
          in_word = true;
        }
        if (c < 0x80) {
          folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c >= 0xC0 && c <= 0xFF) {
          folded += kLatin1[c - 0xC0];
        } else {
          folded.append(text.substr(i, length));
        }
        words.back().end = static_cast<std::uint32_t>(folded.size());
        words.back().original_end = static_cast<std::uint32_t>(i + length);
      } else {
        in_word = false;
      }
      i += length;
    }
    for (auto& w : words) w.mask = LetterMask(Folded(w));
  }
  [[nodiscard]] std::string_view Folded(const Entry& e) const {
    return std::string_view(folded).substr(e.begin, e.end - e.begin);
  }
};

}  // namespace

Result<Query> ParseQuery(std::string_view text) {
  const std::string trimmed(TrimAscii(text));
  if (!IsValidUtf8(trimmed)) return Error::Field("q", FieldIssue::kInvalidUtf8);
  const std::size_t chars = CodePointCount(trimmed);
  if (chars < kMinQueryChars) {
    return Error::Field("q", FieldIssue::kTooShort, static_cast<int>(kMinQueryChars));
  }
  if (chars > kMaxQueryChars) {
    return Error::Field("q", FieldIssue::kTooLong, static_cast<int>(kMaxQueryChars));
  }
  Query query{.text = trimmed, .words = {}};
  for (auto& word : SplitWords(trimmed)) {
    if (query.words.size() == kMaxWords) break;
    if (std::find(query.words.begin(), query.words.end(), word.folded) == query.words.end()) {
      query.words.push_back(std::move(word.folded));
    }
  }
  if (query.words.empty()) return Error::Field("q", FieldIssue::kInvalidFormat);
  return query;
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  std::optional<std::size_t> start;
  while (i <= text.size()) {
    bool word_char = false;
    std::size_t length = 1;
    if (i < text.size()) {
      length = SequenceLength(static_cast<unsigned char>(text[i]));
      word_char = IsWordCodePoint(CodePointAt(text, i, length));
    }
    if (word_char && !start) start = i;
    if (!word_char && start) {
      words.push_back(
          {.begin = *start, .end = i, .folded = SearchFold(text.substr(*start, i - *start))});
      start.reset();
    }
    i += length;
  }
  return words;
}

bool WithinEdits(std::string_view a, std::string_view b, int limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return false;
  // Three rows of the optimal string alignment table; on the stack for words up to 63 bytes.
  constexpr std::size_t kStack = 64;
  std::array<int, kStack * 3> stack{};
  std::vector<int> heap;
  int* rows = stack.data();
  if (m + 1 > kStack) {
    heap.resize((m + 1) * 3);
    rows = heap.data();
  }
  const std::size_t width = m + 1 > kStack ? m + 1 : kStack;
  int* before = rows;
  int* previous = rows + width;
  int* current = rows + 2 * width;
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        value = std::min(value, before[j - 2] + 1);
      }
      current[j] = value;
      row_best = std::min(row_best, value);
    }
    if (row_best > limit) return false;
    int* recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return previous[m] <= limit;
}

std::optional<Match> MatchFields(const Query& query, const std::vector<std::string_view>& fields) {
  // Reused per thread: a search matches thousands of records, each with a few fields.
  thread_local std::vector<FoldedWords> words;
  if (words.size() < fields.size()) words.resize(fields.size());
  for (std::size_t f = 0; f < fields.size(); ++f) words[f].Read(fields[f]);
  Match match;
  match.spans.resize(fields.size());
  for (const auto& query_word : query.words) {
    const std::uint64_t query_mask = LetterMask(query_word);
    Fit best = Fit::kNone;
    std::size_t best_field = 0;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      for (const auto& word : words[f].words) {
        const Fit fit = FitOf(query_word, query_mask, words[f].Folded(word), word.mask);
        if (fit == Fit::kNone) continue;
        match.spans[f].push_back({word.original_begin, word.original_end});
        if (fit < best || (fit == best && f < best_field)) {
          best = fit;
          best_field = f;
        }
      }
    }
    if (best == Fit::kNone) return std::nullopt;
    // Each word: how it fitted (0–3), and a little more for each field further down.
    match.score +=
        static_cast<int>(best) * 4 + static_cast<int>(std::min<std::size_t>(best_field, 3));
  }
  for (auto& spans : match.spans) {
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  }
  return match;
}

std::string Excerpt(std::string_view text, std::vector<Span>& spans, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  const std::size_t focus = spans.empty() ? 0 : spans.front().begin;
  std::size_t begin = focus > max_bytes / 3 ? focus - max_bytes / 3 : 0;
  std::size_t end = std::min(text.size(), begin + max_bytes);
  if (end == text.size()) begin = text.size() > max_bytes ? text.size() - max_bytes : 0;
  // Whole characters, and whole words where a space is near.
  auto continuation = [&](std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  };
  while (begin > 0 && continuation(begin)) --begin;
  while (end < text.size() && continuation(end)) --end;
  if (begin > 0) {
    const auto space = text.find(' ', begin);
    if (space != std::string_view::npos && space < focus) begin = space + 1;
  }
  if (end < text.size()) {
    const auto space = text.rfind(' ', end);
    if (space != std::string_view::npos && space > begin &&
        (spans.empty() || space >= spans.front().end)) {
      end = space;
    }
  }
  const std::string prefix = begin > 0 ? "… " : "";
  std::string out =
      prefix + std::string(text.substr(begin, end - begin)) + (end < text.size() ? " …" : "");
  std::vector<Span> moved;
  for (const auto& s : spans) {
    if (s.begin >= begin && s.end <= end) {
      moved.push_back({s.begin - begin + prefix.size(), s.end - begin + prefix.size()});
    }
  }
  spans = std::move(moved);
  return out;
}

std::size_t Utf16Offset(std::string_view text, std::size_t byte_offset) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size();) {
    const std::size_t length = SequenceLength(static_cast<unsigned char>(text[i]));
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

}  // namespace aantafel::core::search
