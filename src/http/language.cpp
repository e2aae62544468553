#include "http/language.hpp"

#include <charconv>

#include "core/validation.hpp"
#include "http/types.hpp"

namespace aantafel::http {

Language NegotiateLanguage(std::string_view header) {
  double best_q = 0.0;
  Language best = Language::kDutch;
  bool found = false;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = core::TrimAscii(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    double q = 1.0;
    if (const auto semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = core::TrimAscii(item.substr(semi + 1));
      item = core::TrimAscii(item.substr(0, semi));
      if (param.starts_with("q=")) {
        param.remove_prefix(2);
        // from_chars for double is in GCC 12's library.
        if (std::from_chars(param.data(), param.data() + param.size(), q).ec != std::errc{}) q = 0;
      }
    }
    const std::string_view primary = item.substr(0, item.find('-'));
    std::optional<Language> language;
    if (EqualsIgnoreCase(primary, "nl")) language = Language::kDutch;
    if (EqualsIgnoreCase(primary, "en")) language = Language::kEnglish;
    if (language && q > best_q) {
      best_q = q;
      best = *language;
      found = true;
    }
  }
  return found ? best : Language::kDutch;
}

}  // namespace aantafel::http
