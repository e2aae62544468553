#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/language.hpp"

namespace aantafel::core::link_mail {

// Personal links mailed from the app: a partnership-scan respondent's link or a client's
// personal survey link, with at most one reminder to those who have not answered yet.

enum class LinkKind { kScan, kSurvey };

/// How the sender wants the links mailed; part of the request that makes the links.
struct MailRequest {
  Language language = Language::kDutch;
  std::optional<int> remind_after_days;  ///< none: no reminder
};

/// The bounds of a reminder: at least a day after the mail, before the link expires.
inline constexpr int kMinRemindDays = 1;
inline constexpr int kMaxRemindDays = 60;

/// What a survey's mail says it is about: its team, else its service, else its name.
inline const std::string& SurveyAbout(const std::string& team, const std::string& service,
                                      const std::string& name) {
  if (!team.empty()) return team;
  return service.empty() ? name : service;
}

/// A link just made, to mail to one address.
struct LinkToMail {
  std::int64_t target_id = 0;  ///< the scan respondent or the survey invitation
  std::string address;         ///< normalised e-mail address
  std::string token;           ///< the link's secret, shown in the mail
  Instant expires_at{};
};

/// What the mail says about the link: who asks, and about what.
struct LinkSubject {
  LinkKind kind = LinkKind::kScan;
  std::string organisation;  ///< the workspace's name: who sends the link
  std::string title;         ///< the scan's title or the survey's name
  std::string about;         ///< the collaboration scanned, or the survey's team or service
};

/// One mailed link as stored. The address and the secret are sealed, and kept only while a
/// reminder is still to come; otherwise only the dates remain.
struct NewLinkMail {
  std::int64_t workspace_id = 0;
  LinkKind kind = LinkKind::kScan;
  std::int64_t target_id = 0;
  Language language = Language::kDutch;
  Instant sent_at{};
  std::optional<Instant> remind_at;
  std::optional<std::string> address_sealed;
  std::optional<std::string> token_sealed;
};

/// When a link was mailed and reminded, shown next to the respondent.
struct MailStatus {
  Instant sent_at{};
  std::optional<Instant> remind_at;
  std::optional<Instant> reminded_at;
};

/// A reminder whose day has come, with what its mail needs. `open` is false when the link no
/// longer needs one (answered, expired, closed or withdrawn): then nothing is sent.
struct DueReminder {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  Language language = Language::kDutch;
  std::string address_sealed;
  std::string token_sealed;
  Instant expires_at{};
  bool open = false;
  LinkSubject subject;
};

}  // namespace aantafel::core::link_mail
