#pragma once

#include <string>

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

}  // namespace aantafel::core
