#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/language.hpp"
#include "core/mail.hpp"
#include "core/overview/model.hpp"
#include "core/result.hpp"

namespace aantafel::core::overview {

// Notifications: an e-mail digest of the Overzicht's items, daily or weekly per user and
// workspace, through the server's SMTP relay.

enum class DigestFrequency { kNone, kDaily, kWeekly };
std::string_view ToString(DigestFrequency frequency);  ///< "none", "daily", "weekly"
std::optional<DigestFrequency> ParseDigestFrequency(std::string_view text);

/// Someone who asked for a digest in a workspace.
struct DigestSubscriber {
  std::int64_t workspace_id = 0;
  std::string workspace_slug;
  std::string workspace_name;
  std::int64_t user_id = 0;
  std::string email;
  std::string name;
  DigestFrequency frequency = DigestFrequency::kNone;
  std::optional<CivilDate> last_sent_on;
  Language language = Language::kDutch;  ///< the person's own (profile), for the mail
};

/// Whether a digest is due on `today` (Dutch date): daily once a day, weekly once on Mondays
/// (or on the first day after a missed Monday); `force` sends regardless (operator command).
bool DigestDue(const DigestSubscriber& subscriber, CivilDate today, bool force);

/// The digest mail in the subscriber's language, as plain text and simple HTML; `items` and
/// `explains` are already in that language. `app_url` is the server's public URL.
Mail ComposeDigest(const DigestSubscriber& subscriber, const std::vector<ActItem>& items,
                   const std::vector<std::string>& explains, std::string_view app_url,
                   CivilDate today);

}  // namespace aantafel::core::overview
