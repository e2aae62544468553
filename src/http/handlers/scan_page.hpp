#pragma once

#include <map>
#include <string>

#include "core/error.hpp"
#include "core/scans/service.hpp"

namespace aantafel::http {

/// Server-rendered pages of the partnership scan for respondents (/s/{token}): every statement
/// with the five-point scale and "weet niet", and an optional comment. No script; the style sheet
/// of the survey pages (/f-assets/survey.css). `answers` fills the form in (earlier answers or
/// what was just sent); `problems` are named at the top and at each statement.
std::string ScanFormPage(const core::scans::RespondentPage& page,
                         const core::scans::ScanKnowledge& knowledge, const std::string& token,
                         bool english, const std::vector<core::scans::Answer>& answers,
                         const std::map<std::string, core::FieldError>& problems);
std::string ScanThanksPage(const std::string& token, bool english);
/// Closed scan, expired link, unknown link, too many tries, could not save.
enum class ScanNotice { kClosed, kExpired, kUnknown, kTooMany, kStoreFailed };
std::string ScanNoticePage(ScanNotice notice, bool english);

}  // namespace aantafel::http
