#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"
#include "http/context.hpp"

namespace aantafel::http {

// What the server-rendered public pages share (the survey page /f/, the scan page /s/ and the
// social map link /c/): the page frame, the HTML response, the language choice and the pause
// after too many tries. One place, so the three pages look and behave alike.

/// The start of a public page up to and including <main id="main">: language, viewport, noindex,
/// the escaped title, the shared stylesheet and the favicon. `wide` gives main the class "wide".
std::string PublicPageHead(bool english, std::string_view title, bool wide = false);
/// The end of a public page.
inline constexpr std::string_view kPublicPageTail = "</main></body></html>\n";

/// A short notice instead of the page (closed, link expired or unknown, wait, failed): a title
/// and one paragraph, in Dutch and English.
struct PublicNotice {
  const char* nl_title;
  const char* nl_text;
  const char* en_title;
  const char* en_text;
};
/// The whole page of a notice, in the chosen language.
std::string PublicNoticePage(const PublicNotice& notice, bool english);

/// A public page as a response: text/html, never cached (pages carry personal links).
HttpResponse HtmlPage(int status, std::string body);
/// The same page for a refused try: the status of `error` and its Retry-After when it has one.
HttpResponse HtmlPage(const core::Error& error, std::string body);

/// English when the page's own switch says "en", Dutch when it says "nl", otherwise the
/// browser's preferred language.
bool WantsEnglish(const RequestContext& ctx, std::string_view lang);

/// The answers posted to a public page: form fields, or a JSON object with the same names.
struct PublicFormBody {
  std::vector<std::pair<std::string, std::string>> fields;  ///< in the order sent
  bool json = false;                                        ///< sent as JSON (answer with JSON)
};
/// Reads the body of a POST to a public page. Over `max_size` → kPayloadTooLarge; neither a form
/// nor JSON → kUnsupportedMediaType; not a form or not a JSON object → kMalformedRequest. A JSON
/// null is left out; another value becomes a field's text through `as_text`, and a value it
/// gives no text for (nullopt) is a kInvalidType problem under its name.
core::Result<PublicFormBody> ReadPublicForm(
    const HttpRequest& request, std::size_t max_size,
    const std::function<std::optional<std::string>(const std::string& name,
                                                   const nlohmann::json& value)>& as_text);

}  // namespace aantafel::http
