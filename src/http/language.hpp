#pragma once

#include <string_view>

namespace aantafel::http {

/// The languages aantafel speaks; Dutch first.
enum class Language { kDutch, kEnglish };

/// Picks Dutch or English from an Accept-Language header by quality; Dutch when neither is asked.
Language NegotiateLanguage(std::string_view accept_language);

/// "nl" or "en".
std::string_view ToTag(Language language);

}  // namespace aantafel::http
