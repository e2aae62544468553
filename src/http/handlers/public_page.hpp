#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
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

}  // namespace aantafel::http
