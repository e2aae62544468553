#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/feedback/model.hpp"
#include "core/html.hpp"

namespace aantafel::http {

/// What the client typed, kept when the form comes back with a problem.
struct SurveyFormValues {
  std::optional<int> score;
  std::string why;
  std::string better;
  bool callback = false;
  std::string phone;
  std::string channel;  ///< channel tag from the link, sent back in a hidden field
};

/// Server-rendered pages of the public survey (/f/{token}). Plain HTML and one small style
/// sheet: no script, a few kilobytes, large tap targets, WCAG 2.1 AA. `english` picks the language.
std::string SurveyFormPage(const core::feedback::Survey& survey, const std::string& token,
                           bool english, const SurveyFormValues& values,
                           const std::map<std::string, core::FieldError>& problems);
std::string SurveyThanksPage(bool english, bool callback);
/// A page with only a heading and a sentence: closed, used, expired, unknown link, too many tries.
enum class SurveyNotice { kClosed, kUsed, kExpired, kUnknown, kTooMany, kStoreFailed };
std::string SurveyNoticePage(SurveyNotice notice, bool english);
/// The style sheet served at /f-assets/survey.css.
const std::string& SurveyStyleSheet();

using core::HtmlEscape;

}  // namespace aantafel::http
