#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/rules.hpp"
#include "core/result.hpp"
#include "core/stemming.hpp"

namespace aantafel::core::feedback {

using calendar::Source;
using calendar::Text;

/// One theme of client feedback (knowledge/feedback_themes.json), e.g. "wachttijd".
struct Theme {
  std::string id;
  Text label;
  std::vector<std::string> terms;  ///< Dutch words and short phrases, in their base form
  std::string source;
};

/// The themes we look for in answers to "Wat kan er beter?".
struct ThemeLexicon {
  std::map<std::string, Source> sources;
  Text about;
  Text question;
  std::string question_source;
  std::vector<Theme> themes;  ///< in the order of the file, which is the order of Detect

  [[nodiscard]] const Theme* Find(std::string_view id) const;
};

/// Reads and checks knowledge/feedback_themes.json strictly: unknown keys, missing fields,
/// missing translations, unknown sources, duplicate ids and terms without a word are errors that
/// name the path ("themes[2].label.en").
Result<ThemeLexicon> ParseThemeLexicon(std::string_view json_text);

/// The lexicon built into the binary (throws std::logic_error on a broken file; the tests catch
/// that first).
const ThemeLexicon& BuiltInThemeLexicon();

/// Finds the themes of a lexicon in a free Dutch text. Words are lower-cased and reduced to their
/// Snowball (Dutch) stem, so "wachten", "wacht" and "wachtte" match the same term; a term of
/// several words matches those stems in a row. Safe to call from several threads at once.
class ThemeDetector {
 public:
  explicit ThemeDetector(const ThemeLexicon& lexicon);

  /// The ids of the themes found in `text`, in lexicon order, each once.
  [[nodiscard]] std::vector<std::string> Detect(std::string_view text) const;

 private:
  struct Compiled {
    std::string id;
    PhraseMatcher terms;
  };
  std::vector<Compiled> themes_;
};

/// Masks personal data in a free text: phone numbers (06-12345678, +31 6 1234 5678, 020-1234567,
/// 0031 …, any run of 9 or more digits with separators; 8 after a "+") become "[telefoon]",
/// e-mail addresses become "[e-mail]". Everything else stays byte-identical, so postcodes
/// ("3512 AB 12") and ages are kept.
std::string MaskPersonalData(std::string_view text);

}  // namespace aantafel::core::feedback
