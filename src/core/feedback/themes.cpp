#include "core/feedback/themes.hpp"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "core/knowledge.hpp"
#include "core/knowledge_reader.hpp"
#include "core/stemming.hpp"

namespace aantafel::core::feedback {

namespace {

using nlohmann::json;

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(unsigned char c) { return IsAsciiLetter(c) || IsDigit(c); }

// ---------------------------------------------------------------------------------------------
// Parsing.

std::string At(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

bool IsThemeId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(),
                                    [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::vector<std::string> ReadTerms(KnowledgeReader& r, FieldErrors& errors) {
  std::vector<std::string> terms;
  const json* list = r.Get("terms", true);
  if (list == nullptr) return terms;
  if (!list->is_array()) {
    errors.Add(r.Path("terms"), FieldIssue::kInvalidType);
    return terms;
  }
  if (list->empty()) errors.Add(r.Path("terms"), FieldIssue::kRequired);
  std::set<std::vector<std::string>> seen;
  for (std::size_t j = 0; j < list->size(); ++j) {
    const std::string path = At(r.Path("terms"), j);
    const json& item = (*list)[j];
    if (!item.is_string()) {
      errors.Add(path, FieldIssue::kInvalidType);
      continue;
    }
    std::string term = item.get<std::string>();
    std::vector<std::string> words = DutchWords(term);
    if (words.empty()) {
      errors.Add(path, FieldIssue::kInvalidFormat);
    } else if (!seen.insert(std::move(words)).second) {
      errors.Add(path, FieldIssue::kDuplicate);
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// Masking.

// One separator inside a phone number: space, no-break space, - . / ( ). Returns its length.
std::size_t SeparatorAt(std::string_view s, std::size_t i) {
  switch (s[i]) {
    case ' ':
    case '-':
    case '.':
    case '/':
    case '(':
    case ')': return 1;
    default: break;
  }
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  return 0;
}

// A two-byte Latin-1 letter such as é at `i`, which e-mail addresses may contain nowadays.
bool Latin1LetterAt(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC3 && AppendLowerLetter(s, i, nullptr) == 2;
}
bool LocalSymbol(char c) { return c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

struct Span {
  std::size_t begin;
  std::size_t end;
};

// The e-mail address around the '@' at `at`, if it is one: local@label.label…, ending in a
// top-level domain of at least two ASCII letters.
std::optional<Span> EmailAround(std::string_view s, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0) {
    if (IsAsciiAlnum(static_cast<unsigned char>(s[begin - 1])) || LocalSymbol(s[begin - 1])) {
      --begin;
    } else if (begin >= 2 && Latin1LetterAt(s, begin - 2)) {
      begin -= 2;
    } else {
      break;
    }
  }
  while (begin < at && s[begin] == '.') ++begin;
  if (begin == at) return std::nullopt;

  std::size_t end = at + 1;
  while (end < s.size()) {
    if (IsAsciiAlnum(static_cast<unsigned char>(s[end])) || s[end] == '-' || s[end] == '.') {
      ++end;
    } else if (Latin1LetterAt(s, end)) {
      end += 2;
    } else {
      break;
    }
  }
  // A full stop or hyphen after the address ends the sentence, not the domain.
  while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;
  const std::string_view domain = s.substr(at + 1, end - at - 1);
  const std::size_t last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return std::nullopt;
  if (domain.front() == '-' || domain.find("..") != std::string_view::npos) return std::nullopt;
  const std::string_view tld = domain.substr(last_dot + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) {
        return IsAsciiLetter(static_cast<unsigned char>(c));
      })) {
    return std::nullopt;
  }
  return Span{begin, end};
}

std::vector<Span> EmailSpans(std::string_view s) {
  std::vector<Span> spans;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = s.find('@', from);
    if (at == std::string_view::npos) break;
    const auto span = EmailAround(s, at);
    if (span && (spans.empty() || span->begin >= spans.back().end)) {
      spans.push_back(*span);
      from = span->end;
    } else {
      from = at + 1;
    }
  }
  return spans;
}

// Appends s[from, to) to `out` with phone numbers masked. The text before `from` is only looked at
// to see whether a number starts at a word boundary.
void MaskPhones(std::string_view s, std::size_t from, std::size_t to, std::string& out) {
  std::size_t i = from;
  while (i < to) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool opener =
        (c == '+' || c == '(') && i + 1 < to && IsDigit(static_cast<unsigned char>(s[i + 1]));
    const bool boundary =
        i == 0 || !(IsAsciiAlnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '+');
    if (!boundary || !(IsDigit(c) || opener)) {
      out.push_back(s[i++]);
      continue;
    }
    // Digits in groups, with at most three separators between two groups.
    std::size_t j = opener ? i + 1 : i;
    std::size_t end = j;
    int digits = 0;
    while (j < to) {
      if (IsDigit(static_cast<unsigned char>(s[j]))) {
        ++digits;
        end = ++j;
        continue;
      }
      std::size_t k = j;
      for (int n = 0; n < 3 && k < to; ++n) {
        const std::size_t len = SeparatorAt(s, k);
        if (len == 0) break;
        k += len;
      }
      if (k == j || k >= to || !IsDigit(static_cast<unsigned char>(s[k]))) break;
      j = k;
    }
    const int needed = c == '+' ? 8 : 9;
    if (digits < needed) {
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    // "(06 12345678)": the opening bracket belongs to the sentence, not to the number.
    if (c == '(' && s.substr(i, end - i).find(')') == std::string_view::npos) out.push_back('(');
    out.append("[telefoon]");
    i = end;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------

const Theme* ThemeLexicon::Find(std::string_view id) const {
  for (const Theme& t : themes) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Result<ThemeLexicon> ParseThemeLexicon(std::string_view json_text) {
  const json document = json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return Error::Field("feedback_themes", FieldIssue::kInvalidFormat);
  }
  FieldErrors errors;
  KnowledgeReader root(document, "feedback_themes", errors);
  if (root.Int("schema", 1, 1, 0, true) != 1) return std::move(errors).ToError();
  CheckKeys(document, root.path(),
            {"schema", "about", "sources", "question", "question_source", "themes"}, errors);

  ThemeLexicon lexicon;
  lexicon.sources = ReadSources(root);
  if (const json* sources = root.Get("sources", true); sources && sources->is_object()) {
    for (const auto& [id, item] : sources->items()) {
      CheckKeys(item, "sources." + id, {"title", "publisher", "year"}, errors);
    }
  }
  lexicon.about = ReadText(root, "about");
  lexicon.question = ReadText(root, "question");
  lexicon.question_source = root.String("question_source");
  if (!lexicon.question_source.empty() && !lexicon.sources.contains(lexicon.question_source)) {
    errors.Add(root.Path("question_source"), FieldIssue::kUnknownValue);
  }

  const json* list = root.Get("themes", true);
  if (list != nullptr && (!list->is_array() || list->empty())) {
    errors.Add(root.Path("themes"),
               list->is_array() ? FieldIssue::kRequired : FieldIssue::kInvalidType);
  }
  if (list != nullptr && list->is_array()) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = At("themes", i);
      const json& item = (*list)[i];
      KnowledgeReader r(item, path, errors);
      CheckKeys(item, path, {"id", "label", "source", "terms"}, errors);
      Theme theme{.id = r.String("id"),
                  .label = ReadText(r, "label"),
                  .terms = ReadTerms(r, errors),
                  .source = r.String("source")};
      if (item.is_object() && item.contains("id") && !IsThemeId(theme.id)) {
        errors.Add(path + ".id", FieldIssue::kInvalidFormat);
      } else if (!theme.id.empty() && !ids.insert(theme.id).second) {
        errors.Add(path + ".id", FieldIssue::kDuplicate);
      }
      if (!theme.source.empty() && !lexicon.sources.contains(theme.source)) {
        errors.Add(path + ".source", FieldIssue::kUnknownValue);
      }
      lexicon.themes.push_back(std::move(theme));
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return lexicon;
}

const ThemeLexicon& BuiltInThemeLexicon() {
  static const ThemeLexicon lexicon = [] {
    auto parsed = ParseThemeLexicon(knowledge::Text("feedback_themes"));
    if (!parsed) throw std::logic_error("knowledge/feedback_themes.json is not valid");
    return std::move(*parsed);
  }();
  return lexicon;
}

ThemeDetector::ThemeDetector(const ThemeLexicon& lexicon) {
  themes_.reserve(lexicon.themes.size());
  for (const Theme& theme : lexicon.themes) {
    themes_.push_back(Compiled{.id = theme.id, .terms = PhraseMatcher(theme.terms)});
  }
}

std::vector<std::string> ThemeDetector::Detect(std::string_view text) const {
  std::vector<std::string> found;
  const std::vector<std::string> stems = DutchStems(text);
  for (const Compiled& theme : themes_) {
    if (theme.terms.Matches(stems)) found.push_back(theme.id);
  }
  return found;
}

std::string MaskPersonalData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (const Span& email : EmailSpans(text)) {
    MaskPhones(text, from, email.begin, out);
    out.append("[e-mail]");
    from = email.end;
  }
  MaskPhones(text, from, text.size(), out);
  return out;
}

}  // namespace aantafel::core::feedback
