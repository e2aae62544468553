#include "core/language.hpp"

namespace aantafel::core {

std::string_view ToTag(Language language) { return language == Language::kEnglish ? "en" : "nl"; }

std::optional<Language> ParseLanguageTag(std::string_view tag) {
  if (tag == "nl") return Language::kDutch;
  if (tag == "en") return Language::kEnglish;
  return std::nullopt;
}

}  // namespace aantafel::core
