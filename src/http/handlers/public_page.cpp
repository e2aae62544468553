#include "http/handlers/public_page.hpp"

#include "core/html.hpp"
#include "http/errors.hpp"

namespace aantafel::http {

std::string PublicPageHead(bool english, std::string_view title, bool wide) {
  return std::string("<!doctype html>\n<html lang=\"") + (english ? "en" : "nl") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>" +
         core::HtmlEscape(title) +
         "</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
         "<link rel=\"stylesheet\" href=\"/f-assets/survey.css\"></head><body><main id=\"main\"" +
         (wide ? " class=\"wide\">" : ">");
}

std::string PublicNoticePage(const PublicNotice& notice, bool english) {
  const char* title = english ? notice.en_title : notice.nl_title;
  std::string page = PublicPageHead(english, title);
  page += "<h1>" + std::string(title) + "</h1><p>" + (english ? notice.en_text : notice.nl_text) +
          "</p>";
  page += kPublicPageTail;
  return page;
}

HttpResponse HtmlPage(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers.Set("Content-Type", "text/html; charset=utf-8");
  response.headers.Set("Cache-Control", "no-store");
  response.body = std::move(body);
  return response;
}

HttpResponse HtmlPage(const core::Error& error, std::string body) {
  HttpResponse response = HtmlPage(HttpStatus(error.code), std::move(body));
  if (error.retry_after_seconds) {
    response.headers.Set("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return response;
}

bool WantsEnglish(const RequestContext& ctx, std::string_view lang) {
  if (lang == "en") return true;
  if (lang == "nl") return false;
  return ctx.language == Language::kEnglish;
}

core::Result<PublicFormBody> ReadPublicForm(
    const HttpRequest& request, std::size_t max_size,
    const std::function<std::optional<std::string>(const std::string& name,
                                                   const nlohmann::json& value)>& as_text) {
  if (request.body.size() > max_size) return core::Error::Of(core::ErrorCode::kPayloadTooLarge);
  PublicFormBody out;
  const std::string media = MediaType(request);
  if (media == "application/x-www-form-urlencoded") {
    auto form = ParseFormBody(request.body);
    if (!form) return core::Error::Of(core::ErrorCode::kMalformedRequest);
    out.fields = std::move(*form);
  } else if (media == "application/json") {
    out.json = true;
    const auto parsed = nlohmann::json::parse(request.body, nullptr, false);
    if (!parsed.is_object()) return core::Error::Of(core::ErrorCode::kMalformedRequest);
    core::FieldErrors errors;
    for (const auto& [key, value] : parsed.items()) {
      if (value.is_null()) continue;
      if (auto text = as_text(key, value)) {
        out.fields.emplace_back(key, std::move(*text));
      } else {
        errors.Add(key, core::FieldIssue::kInvalidType);
      }
    }
    if (!errors.empty()) return std::move(errors).ToError();
  } else {
    return core::Error::Of(core::ErrorCode::kUnsupportedMediaType);
  }
  return out;
}

}  // namespace aantafel::http
