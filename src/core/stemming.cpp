#include "core/stemming.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>
#include <unordered_set>

namespace aantafel::core {

namespace {

// ---------------------------------------------------------------------------------------------
// Words: lower-cased UTF-8 runs of letters.

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

// The letter at `i` as lower-case UTF-8 appended to `out`; returns its length in bytes, or 0 when
// `i` is not at a letter. Letters are ASCII, Latin-1 (é ë ï ó ö ü …) and Latin Extended-A.
std::size_t AppendLowerLetter(std::string_view s, std::size_t i, std::string* out) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (IsAsciiLetter(c)) {
    if (out != nullptr) out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return 1;
  }
  if (i + 1 >= s.size() || !IsContinuation(static_cast<unsigned char>(s[i + 1]))) return 0;
  const auto d = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC3) {
    if (d == 0x97 || d == 0xB7) return 0;  // × and ÷
    if (out != nullptr) {
      out->push_back(static_cast<char>(c));
      out->push_back(static_cast<char>(d <= 0x9E ? d + 0x20 : d));
    }
    return 2;
  }
  if (c == 0xC4 || c == 0xC5) {
    int cp = ((c & 0x1F) << 6) | (d & 0x3F);
    if (cp == 0x132 || cp == 0x133) {  // the Dutch ĳ ligature is the two letters ij
      if (out != nullptr) out->append("ij");
      return 2;
    }
    const bool upper_even =
        (cp >= 0x100 && cp <= 0x137 && cp != 0x130) || (cp >= 0x14A && cp <= 0x177);
    const bool upper_odd = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if ((upper_even && cp % 2 == 0) || (upper_odd && cp % 2 == 1)) ++cp;
    if (out != nullptr) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return 2;
  }
  return 0;
}

// Splits on everything that is not a letter (digits, punctuation, apostrophes, other scripts).
std::vector<std::string> DutchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = AppendLowerLetter(text, i, &word);
    if (n > 0) {
      i += n;
      continue;
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
    ++i;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// ---------------------------------------------------------------------------------------------
// Stemming. An sb_stemmer keeps its work buffer inside, so it must not be shared between threads;
// each thread gets its own, made on first use and freed when the thread ends.

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

sb_stemmer& ThreadStemmer() {
  thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("dutch", "UTF_8"));
  if (stemmer == nullptr) throw std::runtime_error("libstemmer has no Dutch UTF-8 stemmer");
  return *stemmer;
}

}  // namespace

std::vector<std::string> DutchStems(std::string_view text) {
  std::vector<std::string> words = DutchWords(text);
  for (std::string& word : words) word = DutchStem(word);
  return words;
}

std::string DutchStem(std::string_view word) {
  sb_stemmer& stemmer = ThreadStemmer();
  const sb_symbol* stem = sb_stemmer_stem(&stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) throw std::bad_alloc();
  return {reinterpret_cast<const char*>(stem),
          static_cast<std::size_t>(sb_stemmer_length(&stemmer))};
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& terms) {
  for (const auto& term : terms) {
    std::vector<std::string> stems = DutchStems(term);
    if (!stems.empty()) phrases_.push_back(std::move(stems));
  }
}

bool PhraseMatcher::Matches(const std::vector<std::string>& stems) const {
  if (stems.empty()) return false;
  return std::any_of(phrases_.begin(), phrases_.end(), [&](const std::vector<std::string>& phrase) {
    return std::search(stems.begin(), stems.end(), phrase.begin(), phrase.end()) != stems.end();
  });
}

}  // namespace aantafel::core
