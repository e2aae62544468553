#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "app/config.hpp"
#include "app/council_feed.hpp"
#include "app/council_webhook.hpp"
#include "app/mail_queue.hpp"
#include "app/oidc_client.hpp"
#include "app/smtp_mailer.hpp"
#include "app/system_clock.hpp"
#include "core/accounts/service.hpp"
#include "core/advisor/service.hpp"
#include "core/calendar/service.hpp"
#include "core/council/people_service.hpp"
#include "core/council/service.hpp"
#include "core/council/sync.hpp"
#include "core/council/webhook.hpp"
#include "core/documents/service.hpp"
#include "core/feedback/service.hpp"
#include "core/search/sources.hpp"
#include "core/whoiswho/service.hpp"
#include "http/app.hpp"
#include "http/event_stream.hpp"
#include "http/live_feed.hpp"
#include "http/simulation_runner.hpp"
#include "interchange/content_sniffer.hpp"
#include "interchange/mail_message.hpp"
#include "security/data_key.hpp"
#include "security/sodium.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/advisor_repository.hpp"
#include "storage/audit_repository.hpp"
#include "storage/calendar_repository.hpp"
#include "storage/council_repository.hpp"
#include "storage/database.hpp"
#include "storage/documents_repository.hpp"
#include "storage/feedback_repository.hpp"
#include "storage/financing_repository.hpp"
#include "storage/link_mail_repository.hpp"
#include "storage/mail_intake_repository.hpp"
#include "storage/overview_repository.hpp"
#include "storage/postgres/postgres_listener.hpp"
#include "storage/relations_repository.hpp"
#include "storage/scans_repository.hpp"
#include "storage/social_map_repository.hpp"
#include "storage/whoiswho_repository.hpp"

namespace aantafel::app {

class MailboxReader;

/// What `aantafel rotate-key` did, for the command line.
struct RotationReport {
  bool ok = false;
  std::string message;
};
/// Replaces the data key in the key file with a new one, keeping the old one in
/// `<key file>.previous` so that values sealed with it still open (new writes use the new key).
RotationReport RotateDataKey(const Config& config);

/// Replacements for tests: a fixed clock, a seeded random source, cheap password hashing.
struct RuntimeOverrides {
  const core::Clock* clock = nullptr;
  core::Random* random = nullptr;
  std::optional<security::PasswordCost> password_cost;
};

/// The composition root's object graph: database, repositories, crypto, use cases.
class Runtime {
 public:
  /// Opens the database and wires everything; migrates first when `migrate` is set,
  /// otherwise refuses a schema newer than this binary.
  Runtime(const Config& config, bool migrate, RuntimeOverrides overrides = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// What the HTTP application needs, in one place for the server and the tests.
  http::AppServices Services();
  /// For serving: starts the live feed (and LISTEN on PostgreSQL) and the hourly clean-up that
  /// deletes phone numbers past their retention period. Stopped by the destructor.
  void StartBackground();
  /// Sends the e-mail digests that are due (from [notifications] digest_hour, Dutch time; once a
  /// day or once a week per user); `force` sends every subscriber's now. Returns how many went
  /// out. Also runs hourly in the background when [smtp] url is set.
  int SendDigests(bool force);
  /// What one Almanak refresh did.
  struct AlmanakRefresh {
    enum class Outcome { kNotDue, kNotModified, kRefreshed, kFailed, kUnreadable };
    Outcome outcome = Outcome::kNotDue;
    int workspaces = 0;  ///< workspaces with at least one municipality in the export
    int positions = 0;   ///< positions added or ended
    int refused = 0;     ///< workspaces whose update was refused (tried again next time)
    std::string detail;  ///< the download error, or the unreadable place
  };
  /// Checks the Overheidsalmanak export at [almanak] url when refresh_hours have passed (or
  /// now with `force`) and, when it changed, refreshes every workspace's municipalities.
  AlmanakRefresh RefreshAlmanak(bool force);
  /// What one council round did ([council] url): the status list when it is due, then every
  /// followed council that is due (`force`: also the ones caught up recently).
  struct CouncilRound {
    core::council::SyncRound round;
    std::string status_error;  ///< "" when the status list was read or not due
    bool enabled = false;      ///< false while [council] url is empty
  };
  CouncilRound SyncCouncils(bool force);
  /// Posts the workspaces' new and changed council topic matches to their webhooks (one round at
  /// a time). Runs in the background after every council round, so at least every minute.
  core::council::WebhookRound DeliverCouncilWebhooks();

  storage::Database& database() { return *database_; }
  core::accounts::AccountsService& accounts() { return *accounts_; }
  core::accounts::InvitationService& invitations() { return *invitations_; }
  core::accounts::Crypto& crypto() { return crypto_; }
  /// Encrypts personal data at rest.
  core::FieldCipher& cipher() { return *cipher_; }
  core::whoiswho::WhoIsWhoService& whoiswho() { return *whoiswho_; }
  core::calendar::PolicyCalendarService& calendar() { return *calendar_; }
  core::advisor::AdvisorService& advisor() { return *advisor_; }
  core::feedback::FeedbackService& feedback() { return *feedback_; }
  core::relations::RelationsService& relations() { return *relations_; }
  core::financing::ScenarioService& scenarios() { return *scenarios_; }
  http::SimulationRunner& simulations() { return simulations_; }
  core::scans::ScanService& scans() { return *scans_; }
  core::link_mail::LinkMailService& link_mail() { return *link_mail_; }
  core::social_map::SocialMapService& social_map() { return *social_map_; }
  core::council::CouncilService& council() { return *council_; }
  core::council::CouncilWebhookService& council_webhooks() { return *council_webhooks_; }
  core::documents::DocumentService& documents() { return *documents_; }
  core::mail_intake::MailIntakeService& mail_intake() { return *mail_intake_; }
  http::StreamHub& streams() { return streams_; }
  [[nodiscard]] const char* database_kind() const;

 private:
  SystemClock system_clock_;
  security::SodiumRandom system_random_;
  std::unique_ptr<storage::Database> database_;
  storage::SqlUserRepository users_;
  storage::SqlWorkspaceRepository workspaces_;
  storage::SqlCredentialRepository credentials_;
  security::SodiumCrypto crypto_;
  std::unique_ptr<security::SodiumFieldCipher> cipher_;
  std::unique_ptr<core::accounts::AccountsService> accounts_;
  std::unique_ptr<storage::SqlWhoIsWhoRepository> whoiswho_repository_;
  std::unique_ptr<core::whoiswho::WhoIsWhoService> whoiswho_;
  std::unique_ptr<storage::SqlPlanRepository> plan_repository_;
  std::unique_ptr<core::calendar::PolicyCalendarService> calendar_;
  core::calendar::CycleRules cycle_rules_;
  core::advisor::KnowledgeBase knowledge_;
  std::unique_ptr<storage::SqlAdvisorRepository> advisor_repository_;
  std::unique_ptr<core::advisor::AdvisorService> advisor_;
  core::feedback::ThemeLexicon themes_;
  http::StreamHub streams_;
  http::LiveFeed live_feed_{streams_};
  std::unique_ptr<storage::PostgresNotifier> pg_notifier_;
  std::unique_ptr<storage::PostgresListener> pg_listener_;
  std::unique_ptr<storage::SqlFeedbackRepository> feedback_repository_;
  std::unique_ptr<core::feedback::FeedbackService> feedback_;
  std::unique_ptr<storage::SqlRelationsRepository> relations_repository_;
  std::unique_ptr<core::relations::RelationsService> relations_;
  std::unique_ptr<storage::SqlScenarioRepository> scenario_repository_;
  std::unique_ptr<core::financing::ScenarioService> scenarios_;
  core::scans::ScanKnowledge scan_knowledge_;
  std::unique_ptr<storage::SqlLinkMailRepository> link_mail_repository_;
  std::unique_ptr<core::link_mail::LinkMailService> link_mail_;
  std::unique_ptr<storage::SqlScanRepository> scan_repository_;
  std::unique_ptr<core::scans::ScanService> scans_;
  std::unique_ptr<storage::SqlSocialMapRepository> social_map_repository_;
  std::unique_ptr<core::social_map::SocialMapService> social_map_;
  std::unique_ptr<storage::SqlCouncilRepository> council_repository_;
  std::unique_ptr<HttpCouncilFeed> council_feed_;  ///< set when [council] url is
  std::unique_ptr<core::council::CouncilSync> council_sync_;
  std::unique_ptr<core::council::CouncilService> council_;
  std::unique_ptr<core::council::CouncilPeopleService> council_people_;
  std::unique_ptr<HttpWebhookSender> webhook_sender_;
  std::unique_ptr<core::council::CouncilWebhookService> council_webhooks_;
  std::unique_ptr<storage::SqlDocumentRepository> document_repository_;
  std::unique_ptr<interchange::MagicSniffer> sniffer_;
  std::unique_ptr<core::documents::DocumentService> documents_;
  std::unique_ptr<storage::SqlMailIntakeRepository> mail_intake_repository_;
  std::unique_ptr<interchange::GMimeMailParser> mail_parser_;
  std::unique_ptr<core::mail_intake::MailIntakeService> mail_intake_;
  std::unique_ptr<MailboxReader> mailbox_reader_;  ///< set when [mail_intake] imap_url is
  std::unique_ptr<storage::SqlHiddenItemRepository> hidden_repository_;
  std::unique_ptr<core::overview::OverviewService> overview_;
  /// Each module's act-now items, registered with overview_ (declared after it: destroyed first).
  std::vector<std::unique_ptr<core::overview::ActItemSource>> act_item_sources_;
  core::search::SearchService search_;
  std::vector<std::unique_ptr<core::search::SearchSource>> search_sources_;
  std::vector<std::unique_ptr<core::calendar::FeedEventSource>> feed_sources_;
  std::unique_ptr<storage::SqlDigestRepository> digest_repository_;
  std::unique_ptr<core::Mailer> mailer_;
  std::unique_ptr<core::Mailer> mail_queue_;  ///< sends mailer_'s mail off the request thread
  storage::SqlInvitationRepository invitation_repository_{*database_};
  std::unique_ptr<core::accounts::InvitationService> invitations_;
  std::unique_ptr<core::accounts::PasswordResetService> password_resets_;
  storage::SqlSsoRepository sso_repository_{*database_};
  std::unique_ptr<OidcClient> oidc_client_;  ///< set when [sso] issuer is
  std::unique_ptr<core::accounts::SsoService> sso_;
  std::unique_ptr<storage::SqlAuditLog> audit_log_;
  std::unique_ptr<core::audit::AuditService> audit_;
  bool smtp_enabled_ = false;
  const core::Clock* clock_ = nullptr;
  std::string public_url_;
  int digest_hour_ = 7;
  std::string almanak_url_;
  std::chrono::hours almanak_refresh_{24};
  // Two simulations at once, each on (up to) two threads: a small server stays responsive.
  http::SimulationRunner simulations_{2, 2};
  std::string database_url_;
  // hourly clean-up
  std::mutex maintenance_mutex_;
  std::condition_variable maintenance_wake_;
  bool maintenance_stop_ = false;
  std::thread maintenance_;
  // council sync: wakes every minute, on a new follow, or when someone asks for the list
  std::mutex council_mutex_;
  std::condition_variable council_wake_;
  bool council_wanted_ = false;
  std::mutex council_round_mutex_;  ///< one round at a time (the thread, the CLI, tests)
  std::mutex webhook_round_mutex_;  ///< one webhook round at a time (the thread, tests)
  std::thread council_thread_;
};

/// The text of knowledge file `name` (without .json): from `dir` when set, else the copy built
/// into the binary. Throws std::runtime_error when the file cannot be read.
std::string KnowledgeText(const std::string& dir, std::string_view name);

/// The accounts policy from configuration.
core::accounts::AccountsPolicy PolicyFrom(const Config& config);

}  // namespace aantafel::app
