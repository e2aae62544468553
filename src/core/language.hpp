#pragma once

#include <optional>
#include <string_view>

namespace aantafel::core {

/// The languages aantafel speaks; Dutch first.
enum class Language { kDutch, kEnglish };

/// "nl" or "en".
std::string_view ToTag(Language language);
/// The language for "nl" or "en" (exactly those tags); nullopt otherwise.
std::optional<Language> ParseLanguageTag(std::string_view tag);

}  // namespace aantafel::core
