#pragma once
// Dutch words and their Snowball stems, and phrases matched by stem: the one rule behind the
// themes of client feedback and the topics of council information.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aantafel::core {

/// The letter at byte `i` of `s` as lower-case UTF-8 appended to `out` (when not null); returns
/// its length in bytes, or 0 when `i` is not at a letter. Letters are ASCII, Latin-1 (é ë ï ó ö
/// ü …) and Latin Extended-A; the ligature ĳ becomes "ij".
std::size_t AppendLowerLetter(std::string_view s, std::size_t i, std::string* out);

/// The words of `text`: lower-cased UTF-8 runs of letters (ASCII, Latin-1 and Latin Extended-A;
/// the ligature ĳ as "ij"); digits, punctuation and other scripts separate words.
std::vector<std::string> DutchWords(std::string_view text);

/// The words of `text` reduced to their Snowball (Dutch) stem, so "wachten", "wacht" and
/// "wachtte" are one stem. Safe to call from several threads at once.
std::vector<std::string> DutchStems(std::string_view text);

/// The Snowball (Dutch) stem of one word that is already in lower case.
std::string DutchStem(std::string_view word);

/// Terms (words or short phrases) matched by stem: a term of several words matches those stems
/// in a row.
class PhraseMatcher {
 public:
  explicit PhraseMatcher(const std::vector<std::string>& terms);
  /// True when one of the terms occurs in `stems` (from DutchStems).
  [[nodiscard]] bool Matches(const std::vector<std::string>& stems) const;
  [[nodiscard]] bool empty() const { return phrases_.empty(); }

 private:
  std::vector<std::vector<std::string>> phrases_;
};

}  // namespace aantafel::core
