#pragma once

#include <string>
#include <string_view>

#include "core/language.hpp"
#include "core/result.hpp"

namespace aantafel::core {

/// One e-mail from aantafel to one person (digests, invitations, password resets, links).
struct Mail {
  std::string to;
  std::string subject;
  std::string text;  ///< plain text, UTF-8, lines of at most 78 characters where possible
  std::string html;  ///< the same content as simple HTML; empty: plain text only
};

/// Port: sends one mail. Errors: kUnavailable when no relay is configured, or when it cannot be
/// reached or refuses.
class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status Send(const Mail& mail) = 0;
};

/// The simple HTML of every mail: paragraphs of escaped text, one button-like link and small
/// print, in one narrow column that mail programs show as the sender meant.
class MailHtml {
 public:
  void Paragraph(std::string_view text);
  void Button(std::string_view label, std::string_view link);
  void Small(std::string_view text);
  /// The whole document, with `lang` and `title` set.
  [[nodiscard]] std::string Page(Language language, std::string_view title) const;

 private:
  std::string body_;
};

}  // namespace aantafel::core
