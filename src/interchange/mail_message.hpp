#pragma once

#include <string_view>

#include "core/mail_intake/model.hpp"
#include "core/mail_intake/ports.hpp"
#include "core/result.hpp"

namespace aantafel::interchange {

/// Starts GMime once; call before any thread reads mail (g_mime_init is not thread-safe).
void InitMailParsing();

/// Reads an e-mail message (RFC 5322 with MIME, as saved in a .eml file or fetched over IMAP)
/// with GMime: decoded headers (RFC 2047), addresses, the text (text/plain preferred, else
/// text/html converted to text; every charset to UTF-8, a missing or wrong one read as
/// Windows-1252), attachments decoded, forwarded messages walked into (their sender and files
/// kept), calendar invitations collected, winmail.dat skipped. kUnreadable under "file" when
/// the bytes are not a message. Never throws on hostile input; limits in `limits`.
core::Result<core::mail_intake::ParsedMail> ParseMail(std::string_view raw,
                                                      const core::mail_intake::MailLimits& limits);

/// The MailParser port on ParseMail.
class GMimeMailParser final : public core::mail_intake::MailParser {
 public:
  explicit GMimeMailParser(core::mail_intake::MailLimits limits = {}) : limits_(limits) {
    InitMailParsing();
  }
  core::Result<core::mail_intake::ParsedMail> Parse(std::string_view raw) override {
    return ParseMail(raw, limits_);
  }

 private:
  core::mail_intake::MailLimits limits_;
};

/// HTML as readable text: blocks on their own lines, list items with "- ", scripts and styles
/// left out, entities decoded (libxml2's forgiving HTML parser).
std::string HtmlToText(std::string_view html);

}  // namespace aantafel::interchange
