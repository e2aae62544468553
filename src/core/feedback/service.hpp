#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/feedback/model.hpp"
#include "core/feedback/ports.hpp"
#include "core/feedback/themes.hpp"
#include "core/field_cipher.hpp"
#include "core/link_mail/service.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::feedback {

/// Settings from the configuration file ([feedback]).
struct FeedbackSettings {
  int phone_retention_days = 90;        ///< phone numbers are deleted this long after the answer
  int callback_hours_detractor = 24;    ///< a detractor asking to be called: due within
  int callback_hours_other = 72;        ///< anyone else asking to be called: due within
  int submit_per_link_per_minute = 30;  ///< per link and address (a care home shares one address)
  int submit_per_address_per_minute = 300;
  int views_per_address_per_minute = 600;
};

/// A survey as typed (create) — only the name is required.
struct SurveyInput {
  std::string name;
  std::string team;
  std::string service;
  std::optional<std::string> municipality_code;
  std::string law = "none";
  std::string domain;
  std::string channel = "link";
  int pause_days = 90;
  std::vector<std::pair<std::string, std::string>> questions;  ///< key → text (partial)
};

/// A partial change of a survey.
struct SurveyPatch {
  std::optional<std::string> name;
  std::optional<std::string> team;
  std::optional<std::string> service;
  std::optional<std::optional<std::string>> municipality_code;
  std::optional<std::string> law;
  std::optional<std::string> domain;
  std::optional<bool> active;
  std::optional<int> pause_days;
  std::vector<std::pair<std::string, std::string>> questions;
};

/// One contact to invite.
struct ContactInput {
  std::string reference;
  std::string client;  ///< phone or e-mail; empty: no pause check
  std::string channel = "sms";
  int valid_days = 14;
};

struct IssuedInvitation {
  std::string reference;
  std::string token;
  Instant expires_at{};
  bool mailed = false;  ///< the link left by e-mail
};
struct InvitationBatch {
  std::vector<IssuedInvitation> created;
  std::vector<std::string> skipped;  ///< references of contacts invited too recently
};

/// An answer as the client sent it (form or JSON).
struct AnswerInput {
  std::optional<std::string> score;  ///< text as received
  std::string why;
  std::string better;
  bool callback = false;
  std::string phone;
  std::string channel;  ///< optional channel tag from the link
  std::string language = "nl";
  std::string honeypot;
};

/// What the public page may show for a link.
enum class LinkState { kOpen, kClosed, kUsed, kExpired };
struct PublicSurvey {
  PublicTarget target;
  LinkState state = LinkState::kOpen;
};

/// An NPS question from the dashboard.
struct NpsQuery {
  std::string group_by;  ///< "", team, service, municipality, law, channel, survey, month, week
  std::string from;      ///< YYYY-MM-DD (Europe/Amsterdam), default 365 days ago
  std::string to;        ///< default today
  std::optional<std::int64_t> survey_id;
};
struct NpsGroup {
  std::string key;
  std::string label;
  NpsCounts counts;
  NpsEstimate estimate;
};
struct NpsReport {
  std::string group_by;
  NpsGroup total;
  InvitationCounts invitations;  ///< personal links sent in the period, for the response rate
  std::vector<NpsGroup> groups;
};

struct ThemeCount {
  const Theme* theme = nullptr;
  NpsCounts counts;
  std::vector<std::string> quotes;  ///< masked
};
struct ThemeReport {
  std::int64_t answered = 0;
  std::vector<ThemeCount> themes;  ///< most mentioned first; themes never mentioned left out
};

/// A partial change of a callback task.
struct CallbackPatch {
  std::optional<std::string> status;
  std::optional<std::optional<std::int64_t>> assignee_id;
  std::optional<std::string> notes;
  std::optional<std::string> outcome;
};

/// Use cases of Cliëntfeedback.
class FeedbackService {
 public:
  FeedbackService(FeedbackRepository& repository, whoiswho::WhoIsWhoRepository& audit,
                  FieldCipher& cipher, accounts::Crypto& crypto, Random& random, const Clock& clock,
                  const ThemeLexicon& themes, LiveNotifier& live,
                  link_mail::LinkMailService* link_mail, FeedbackSettings settings);

  std::vector<Survey> ListSurveys(const accounts::WorkspaceAccess& access);
  Result<Survey> GetSurvey(const accounts::WorkspaceAccess& access, std::int64_t id);
  Result<Survey> CreateSurvey(const accounts::WorkspaceAccess& access, const SurveyInput& input);
  Result<Survey> UpdateSurvey(const accounts::WorkspaceAccess& access, std::int64_t id,
                              const SurveyPatch& patch);
  /// Personal links for `contacts`. With `mail`, each contact whose client identifier is an
  /// e-mail address gets the link by mail, in that language and with that reminder.
  Result<InvitationBatch> Invite(const accounts::WorkspaceAccess& access, std::int64_t survey_id,
                                 const std::vector<ContactInput>& contacts,
                                 const std::optional<link_mail::MailRequest>& mail = std::nullopt);

  /// The survey behind a public token (survey token or invitation); kNotFound for unknown
  /// tokens, kRateLimited for an address that asks too often.
  Result<PublicSurvey> OpenLink(std::string_view token, const std::string& address);
  /// Checks and stores an answer; durable when it returns. kInvalidInput names each field (the
  /// caller shows the form again with the rest kept), kConflict for a closed or used link.
  Result<StoredResponse> Submit(std::string_view token, const AnswerInput& answer,
                                const std::string& address);

  Result<std::vector<Response>> ListResponses(const accounts::WorkspaceAccess& access,
                                              ResponseFilter filter);
  Status ErasePersonalData(const accounts::WorkspaceAccess& access, std::int64_t response_id);
  /// Deletes phone numbers older than the retention period; returns how many.
  std::int64_t PurgeExpiredPhones();
  /// `response` with its open answers sealed for workspace `ws`, as Submit stores them (for
  /// answers recorded elsewhere: the demo's history).
  NewResponse SealAnswers(std::int64_t ws, NewResponse response);
  /// Seals open answers that earlier releases stored in plaintext, in batches, once per
  /// database (decision 36); returns how many responses it sealed. Safe to repeat after a crash.
  std::int64_t SealStoredAnswers();

  Result<NpsReport> Nps(const accounts::WorkspaceAccess& access, const NpsQuery& query);
  Result<ThemeReport> Themes(const accounts::WorkspaceAccess& access, const NpsQuery& period);

  Result<std::vector<Callback>> ListCallbacks(const accounts::WorkspaceAccess& access,
                                              std::string_view status);
  Result<Callback> UpdateCallback(const accounts::WorkspaceAccess& access, std::int64_t id,
                                  const CallbackPatch& patch);
  /// The phone number behind a callback, for editors and owners; every reveal is audited.
  Result<std::optional<std::string>> RevealPhone(const accounts::WorkspaceAccess& access,
                                                 std::int64_t callback_id);

  /// For the live feed (no access check: the feed checked membership when it subscribed).
  std::optional<Response> LiveResponse(std::int64_t ws, std::int64_t id);
  std::optional<Callback> LiveCallback(std::int64_t ws, std::int64_t id);

  /// Callback tasks past their due time that are still open.
  [[nodiscard]] bool Overdue(const Callback& callback) const;
  [[nodiscard]] Instant Now() const { return clock_.Now(); }
  [[nodiscard]] const ThemeLexicon& lexicon() const { return lexicon_; }

 private:
  Result<Survey> Checked(std::int64_t ws, Survey survey, const SurveyInput& input,
                         FieldErrors& errors);
  Response Masked(std::int64_t ws, Response response) const;
  /// The plaintext of a sealed open answer ("" when empty or when it cannot be opened).
  std::string OpenAnswer(const std::string& sealed, std::string_view field, std::int64_t ws) const;
  Callback Opened(std::int64_t ws, Callback callback);
  std::string PhoneContext(std::int64_t ws) const;

  FeedbackRepository& repository_;
  whoiswho::WhoIsWhoRepository& audit_;
  FieldCipher& cipher_;
  accounts::Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  const ThemeLexicon& lexicon_;
  ThemeDetector detector_;
  LiveNotifier& live_;
  link_mail::LinkMailService* link_mail_;
  FeedbackSettings settings_;
  RateLimiter per_link_;
  RateLimiter per_address_;
  RateLimiter views_;
};

}  // namespace aantafel::core::feedback
