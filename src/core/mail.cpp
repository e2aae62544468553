#include "core/mail.hpp"

#include "core/html.hpp"

namespace aantafel::core {

void MailHtml::Paragraph(std::string_view text) { body_ += "<p>" + HtmlEscape(text) + "</p>\n"; }

void MailHtml::Button(std::string_view label, std::string_view link) {
  body_ += "<p><a href=\"" + HtmlEscape(link) +
           "\" style=\"display:inline-block;padding:10px 16px;background:#0b5394;color:#ffffff;"
           "text-decoration:none;border-radius:4px;font-weight:bold\">" +
           HtmlEscape(label) + "</a></p>\n";
}

void MailHtml::Small(std::string_view text) {
  body_ += "<p style=\"color:#555555;font-size:14px\">" + HtmlEscape(text) + "</p>\n";
}

std::string MailHtml::Page(Language language, std::string_view title) const {
  return "<!doctype html>\n<html lang=\"" + std::string(ToTag(language)) +
         "\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
         "</title></head>\n<body style=\"font-family:Arial,sans-serif;font-size:16px;"
         "line-height:1.5;color:#1a1a1a;max-width:600px\">\n" +
         body_ + "</body></html>\n";
}

}  // namespace aantafel::core
