#pragma once

#include <string_view>

#include "core/language.hpp"

namespace aantafel::http {

using core::Language;
using core::ToTag;

/// Picks Dutch or English from an Accept-Language header by quality; Dutch when neither is asked.
Language NegotiateLanguage(std::string_view accept_language);

}  // namespace aantafel::http
