#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/link_mail/service.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "core/scans/ports.hpp"
#include "core/scans/results.hpp"

namespace aantafel::core::scans {

struct ScanInput {
  std::optional<std::string> title;
  std::optional<std::string> collaboration;
  std::optional<std::string> template_id;  ///< only when creating
  std::optional<std::string> status;       ///< "open" / "closed", only when changing
};

struct Invitee {
  std::string organisation;
  std::string label;
  std::string email;  ///< empty: the link is only shown, to pass on by hand
};

/// A new respondent with the link secret, shown once.
struct Invitation {
  Respondent respondent;
  std::string token;
  bool mailed = false;  ///< the link left by e-mail
};

/// The results page: the results, the comments (no authors) and, for a repeat, the change per
/// dimension since the scan it repeats.
struct ResultsView {
  ScanSummary scan;
  ScanResults results;
  std::vector<StatementComment> comments;  ///< empty unless results.shown
  std::optional<ScanSummary> previous;
  std::vector<DimensionChange> changes;
};

/// What a respondent's link opens.
enum class LinkState { kOpen, kClosed, kExpired };
struct RespondentPage {
  LinkState state = LinkState::kOpen;
  std::int64_t workspace_id = 0;  ///< whose scan (never shown on the page)
  const Template* tmpl = nullptr;
  Scan scan;
  Respondent respondent;
  std::vector<Answer> answers;  ///< their own earlier answers, to edit
};

struct ScanLimits {
  int max_respondents_per_scan = 200;
  int default_link_days = 30;
  int views_per_address_per_minute = 120;
  int submits_per_address_per_minute = 30;
};

/// Use cases of the Samenwerkingsscan and the waardecasus.
class ScanService {
 public:
  /// `link_mail` null: links are never mailed.
  ScanService(ScanRepository& repository, const ScanKnowledge& knowledge, accounts::Crypto& crypto,
              Random& random, const Clock& clock, link_mail::LinkMailService* link_mail,
              ScanLimits limits = {});

  [[nodiscard]] const ScanKnowledge& knowledge() const { return knowledge_; }
  [[nodiscard]] Instant Now() const { return clock_.Now(); }

  Result<ScanSummary> CreateScan(const accounts::WorkspaceAccess& access, const ScanInput& input);
  Result<ScanSummary> UpdateScan(const accounts::WorkspaceAccess& access, std::int64_t id,
                                 const ScanInput& input);
  Result<ScanSummary> GetScan(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<ScanSummary> ListScans(const accounts::WorkspaceAccess& access);
  Status DeleteScan(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// A new open scan of the same collaboration and template, linked to `id`.
  Result<ScanSummary> Repeat(const accounts::WorkspaceAccess& access, std::int64_t id,
                             const std::optional<std::string>& title);

  /// Errors: kConflict when the scan is closed; kInvalidInput naming "invitees[i].organisation",
  /// "invitees" (too many in total) or "expires_in_days".
  /// Links for `invitees`; those with an e-mail address get theirs by mail, in the language
  /// and with the reminder of `mail`.
  Result<std::vector<Invitation>> Invite(const accounts::WorkspaceAccess& access,
                                         std::int64_t scan_id, const std::vector<Invitee>& invitees,
                                         std::optional<int> expires_in_days,
                                         const link_mail::MailRequest& mail = {});
  Result<std::vector<Respondent>> ListRespondents(const accounts::WorkspaceAccess& access,
                                                  std::int64_t scan_id);
  Status RevokeRespondent(const accounts::WorkspaceAccess& access, std::int64_t scan_id,
                          std::int64_t respondent_id);

  Result<ResultsView> Results(const accounts::WorkspaceAccess& access, std::int64_t scan_id);

  /// For the public page. Errors: kNotFound (unknown or revoked link), kRateLimited.
  Result<RespondentPage> OpenLink(std::string_view token, const std::string& address);
  /// Saves (replaces) the respondent's answers: every statement must be answered, with a score
  /// 1–5 or "weet niet" (no score); comments optional. Errors: kNotFound, kRateLimited,
  /// kConflict (closed or expired), kInvalidInput naming "answers.<statement>" or
  /// "comments.<statement>".
  Status Submit(std::string_view token, const std::vector<Answer>& answers,
                const std::string& address);

  Result<ValueCase> AddValueCase(const accounts::WorkspaceAccess& access, ValueCase value_case);
  Result<ValueCase> ReplaceValueCase(const accounts::WorkspaceAccess& access, std::int64_t id,
                                     ValueCase value_case);
  Result<ValueCase> GetValueCase(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<ValueCase> ListValueCases(const accounts::WorkspaceAccess& access);
  Status DeleteValueCase(const accounts::WorkspaceAccess& access, std::int64_t id);

 private:
  Result<RespondentPage> Resolve(std::string_view token);

  ScanRepository& repository_;
  const ScanKnowledge& knowledge_;
  accounts::Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  link_mail::LinkMailService* link_mail_;
  ScanLimits limits_;
  RateLimiter views_;
  RateLimiter submits_;
};

}  // namespace aantafel::core::scans
