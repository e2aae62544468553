#pragma once

#include <string>
#include <string_view>

#include "core/link_mail/model.hpp"
#include "core/mail.hpp"

namespace aantafel::core::link_mail {

/// The public address of a link: `/s/{token}` for a scan, `/f/{token}` for a survey.
std::string LinkUrl(std::string_view public_url, LinkKind kind, std::string_view token);

/// The mail with a personal link, or its reminder, in Dutch (B1) or English with one line in
/// the other language; plain text and simple HTML.
Mail ComposeLinkMail(const LinkSubject& subject, std::string_view to, std::string_view link,
                     Instant expires_at, Language language, bool reminder);

}  // namespace aantafel::core::link_mail
