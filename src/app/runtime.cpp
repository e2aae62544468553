#include "app/runtime.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "app/almanak_refresh.hpp"
#include "app/logging.hpp"
#include "app/mailbox_reader.hpp"
#include "app/mailbox_settings.hpp"
#include "core/knowledge.hpp"
#include "core/scans/templates.hpp"
#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "interchange/imports.hpp"
#include "storage/key_registry.hpp"
#include "storage/migrations.hpp"
#include "storage/register_loader.hpp"

namespace aantafel::app {

namespace {

/// The migration that added data_key_ids.
constexpr int kKeyRegistryVersion = 13;

/// The parsed knowledge, or an exception naming every broken place (aantafel does not start
/// with broken rules).
template <typename T>
T Checked(core::Result<T> parsed, const std::string& what) {
  if (parsed) return std::move(*parsed);
  std::string problems;
  for (const auto& [field, problem] : parsed.error().fields) {
    problems += " " + field + " (" + std::string(core::ToString(problem.issue)) + ")";
  }
  throw std::runtime_error("knowledge " + what + " is not valid:" + problems);
}

}  // namespace

namespace {

/// "a@x.nl, B@y.nl" as {"a@x.nl", "b@y.nl"}.
std::set<std::string> EmailList(const std::string& text) {
  std::set<std::string> out;
  std::string item;
  auto flush = [&] {
    const auto first = item.find_first_not_of(" \t");
    const auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos) {
      std::string email = item.substr(first, last - first + 1);
      for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.insert(std::move(email));
    }
    item.clear();
  };
  for (char c : text) {
    if (c == ',') {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return out;
}

std::unique_ptr<storage::Database> OpenDatabase(const Config& config, bool migrate) {
  auto db = storage::Database::Open(
      storage::DatabaseOptions{.url = config.database_url,
                               .pool_size = static_cast<std::size_t>(config.database_pool_size)});
  const auto migrations = storage::EmbeddedMigrations(db->dialect());
  if (migrate) {
    storage::Migrate(*db, migrations);
  } else {
    storage::CheckSchemaNotNewer(*db, migrations);
  }
  return db;
}

/// The data key (and the keys it replaced), checked against the ids of the keys that sealed this
/// database's data: a missing or different key stops the start instead of sealing new data with
/// a key that cannot open the old. A new key is made only for a database that has none yet.
std::unique_ptr<security::SodiumFieldCipher> OpenCipher(const Config& config, storage::Database& db,
                                                        core::Random& key_random,
                                                        core::Random& random,
                                                        const core::Clock& clock) {
  const bool registry = storage::SchemaVersion(db) >= kKeyRegistryVersion;
  const auto known = registry ? storage::KnownKeyIds(db) : std::vector<std::string>{};
  const security::DataKey key = security::LoadDataKey(
      {.key_file = config.data_key_file,
       .key_text =
           config.data_key.empty() ? std::nullopt : std::optional<std::string>(config.data_key),
       .create_if_missing = known.empty()},
      key_random);
  // Keys replaced by `aantafel rotate-key` (only for a key kept in a file).
  const auto previous = config.data_key.empty() ? security::LoadPreviousKeys(config.data_key_file)
                                                : std::vector<security::DataKey>{};
  std::set<std::string> loaded{security::KeyId(key)};
  for (const auto& old : previous) loaded.insert(security::KeyId(old));
  for (const auto& id : known) {
    if (!loaded.contains(id)) {
      throw std::runtime_error(
          "this database holds personal data sealed with data key " + id +
          ", which is not loaded (" + config.data_key_file + ", its .previous file or " +
          "AANTAFEL_SECURITY_DATA_KEY); refusing to start so that nothing becomes unreadable");
    }
  }
  if (registry) storage::RememberKeyId(db, security::KeyId(key), clock.Now());
  return std::make_unique<security::SodiumFieldCipher>(key, random, previous);
}

}  // namespace

RotationReport RotateDataKey(const Config& config) {
  if (!config.data_key.empty()) {
    return {.ok = false,
            .message =
                "De datasleutel komt uit AANTAFEL_SECURITY_DATA_KEY; zet hem in een bestand "
                "([security] data_key_file) om te roteren. / The data key comes from the "
                "environment; put it in a key file to rotate it."};
  }
  auto db = OpenDatabase(config, /*migrate=*/true);
  security::SodiumRandom random;
  SystemClock clock;
  // Opening checks that the current key is the one this database knows.
  const auto cipher = OpenCipher(config, *db, random, random, clock);
  const security::DataKey current =
      security::LoadDataKey({.key_file = config.data_key_file, .create_if_missing = false}, random);
  auto previous = security::LoadPreviousKeys(config.data_key_file);
  previous.push_back(current);
  security::DataKey next;
  random.Fill(next);
  // The old key goes to .previous first: a crash in between leaves the current key in charge.
  security::WriteKeyFile(config.data_key_file + ".previous", previous);
  security::WriteKeyFile(config.data_key_file, {next});
  storage::RememberKeyId(*db, security::KeyId(next), clock.Now());
  return {.ok = true,
          .message = "Nieuwe datasleutel " + security::KeyId(next) + " (was " +
                     security::KeyId(current) + "); de oude staat in " + config.data_key_file +
                     ".previous. Herstart de server. / New data key " + security::KeyId(next) +
                     "; restart the server."};
}

core::accounts::AccountsPolicy PolicyFrom(const Config& config) {
  return core::accounts::AccountsPolicy{
      .session_ttl = std::chrono::hours(config.session_ttl_hours),
      .login_per_ip = {.attempts = static_cast<int>(config.login_attempts_per_ip_per_minute),
                       .period = std::chrono::seconds(60)},
      .login_failures_per_account_and_address =
          {.attempts =
               static_cast<int>(config.login_failures_per_account_and_address_per_15_minutes),
           .period = std::chrono::seconds(15 * 60)},
      .login_failures_per_address = {
          .attempts = static_cast<int>(config.login_failures_per_address_per_15_minutes),
          .period = std::chrono::seconds(15 * 60)}};
}

Runtime::Runtime(const Config& config, bool migrate, RuntimeOverrides overrides)
    : database_(OpenDatabase(config, migrate)),
      users_(*database_),
      workspaces_(*database_),
      credentials_(*database_),
      crypto_(overrides.password_cost.value_or(security::PasswordCost::Interactive())) {
  const core::Clock& clock = overrides.clock != nullptr ? *overrides.clock : system_clock_;
  core::Random& random = overrides.random != nullptr ? *overrides.random : system_random_;
  cipher_ = OpenCipher(config, *database_, system_random_, random, clock);
  // The municipal register is reference data that belongs to the schema: every workspace has
  // every municipality and district right after migrate (decision 33).
  if (migrate) storage::LoadRegister(*database_, core::whoiswho::BuiltInRegister(), clock.Now());
  accounts_ = std::make_unique<core::accounts::AccountsService>(
      users_, workspaces_, credentials_, crypto_, random, clock, PolicyFrom(config));
  whoiswho_repository_ = std::make_unique<storage::SqlWhoIsWhoRepository>(*database_, *cipher_);
  whoiswho_ = std::make_unique<core::whoiswho::WhoIsWhoService>(*whoiswho_repository_, clock,
                                                                EmailList(config.register_editors));
  plan_repository_ = std::make_unique<storage::SqlPlanRepository>(*database_);
  cycle_rules_ =
      Checked(core::calendar::ParseCycleRules(KnowledgeText(config.knowledge_dir, "policy_cycle")),
              "policy_cycle");
  knowledge_ =
      Checked(core::advisor::ParseKnowledge(KnowledgeText(config.knowledge_dir, "strategies"),
                                            KnowledgeText(config.knowledge_dir, "collections"),
                                            KnowledgeText(config.knowledge_dir, "advisor_rules")),
              "strategies/collections/advisor_rules");
  calendar_ = std::make_unique<core::calendar::PolicyCalendarService>(
      *plan_repository_, *whoiswho_repository_, crypto_, random, clock, cycle_rules_);
  advisor_repository_ = std::make_unique<storage::SqlAdvisorRepository>(*database_);
  advisor_ = std::make_unique<core::advisor::AdvisorService>(
      knowledge_, *plan_repository_, *advisor_repository_, *whoiswho_repository_, clock);
  relations_repository_ = std::make_unique<storage::SqlRelationsRepository>(*database_, *cipher_);
  relations_ = std::make_unique<core::relations::RelationsService>(*relations_repository_,
                                                                   *whoiswho_repository_, clock);
  scenario_repository_ = std::make_unique<storage::SqlScenarioRepository>(*database_);
  scenarios_ = std::make_unique<core::financing::ScenarioService>(*scenario_repository_, clock);
  scan_knowledge_ = Checked(
      core::scans::ParseScanKnowledge(KnowledgeText(config.knowledge_dir, "scan_templates")),
      "scan_templates");
  std::string smtp_password = config.smtp_password;
  if (smtp_password.empty() && !config.smtp_password_file.empty()) {
    std::ifstream in(config.smtp_password_file);
    std::getline(in, smtp_password);
  }
  mailer_ = std::make_unique<SmtpMailer>(SmtpSettings{.url = config.smtp_url,
                                                      .username = config.smtp_username,
                                                      .password = smtp_password,
                                                      .from = config.smtp_from,
                                                      .tls = config.smtp_tls});
  smtp_enabled_ = !config.smtp_url.empty();
  if (smtp_enabled_) {
    mail_queue_ = std::make_unique<MailQueue>(
        *mailer_, [](const std::string& line) { LogError("mail: " + line); });
  }
  // Scan and survey links go through the queue: a batch of 200 does not keep the sender waiting.
  link_mail_repository_ = std::make_unique<storage::SqlLinkMailRepository>(*database_);
  link_mail_ = std::make_unique<core::link_mail::LinkMailService>(
      *link_mail_repository_, *cipher_, mail_queue_.get(), clock, config.public_url);
  scan_repository_ = std::make_unique<storage::SqlScanRepository>(*database_, *cipher_);
  scans_ = std::make_unique<core::scans::ScanService>(*scan_repository_, scan_knowledge_, crypto_,
                                                      random, clock, link_mail_.get());
  social_map_repository_ = std::make_unique<storage::SqlSocialMapRepository>(*database_, *cipher_);
  social_map_ = std::make_unique<core::social_map::SocialMapService>(*social_map_repository_,
                                                                     crypto_, random, clock);
  council_repository_ = std::make_unique<storage::SqlCouncilRepository>(*database_);
  if (!config.council_url.empty()) {
    council_feed_ = std::make_unique<HttpCouncilFeed>(CouncilFeedOptions{
        .base_url = config.council_url,
        .page_size = static_cast<int>(config.council_page_size),
        .requests_per_minute = static_cast<int>(config.council_requests_per_minute),
        .user_agent = "aantafel (+" + config.public_url + ")"});
    council_sync_ = std::make_unique<core::council::CouncilSync>(
        *council_repository_, *council_feed_, clock,
        core::council::SyncOptions{
            .poll_interval = std::chrono::minutes(config.council_poll_minutes),
            .texts_per_round = static_cast<int>(config.council_texts_per_round)});
  }
  council_ = std::make_unique<core::council::CouncilService>(
      *council_repository_, clock, council_sync_ != nullptr, [this] {
        {
          std::lock_guard lock(council_mutex_);
          council_wanted_ = true;
        }
        council_wake_.notify_all();
      });
  council_people_ = std::make_unique<core::council::CouncilPeopleService>(
      *council_repository_, *whoiswho_repository_, clock);
  webhook_sender_ = std::make_unique<HttpWebhookSender>(config.council_webhook_private_addresses);
  council_webhooks_ = std::make_unique<core::council::CouncilWebhookService>(
      *council_repository_, *council_, *webhook_sender_, *cipher_, crypto_, random, clock,
      core::council::WebhookSettings{
          .public_url = config.public_url,
          .source_url = config.council_url,
          .private_addresses = config.council_webhook_private_addresses});
  document_repository_ = std::make_unique<storage::SqlDocumentRepository>(*database_, *cipher_);
  sniffer_ = std::make_unique<interchange::MagicSniffer>();
  documents_ = std::make_unique<core::documents::DocumentService>(
      *document_repository_, *sniffer_, clock,
      core::documents::DocumentLimits{.max_file_bytes = config.max_file_bytes});
  mail_intake_repository_ = std::make_unique<storage::SqlMailIntakeRepository>(
      *database_, *cipher_, *relations_repository_, *document_repository_, *whoiswho_repository_);
  mail_parser_ = std::make_unique<interchange::GMimeMailParser>();
  mail_intake_ = std::make_unique<core::mail_intake::MailIntakeService>(
      *mail_intake_repository_, *mail_parser_, *documents_, crypto_, clock,
      core::mail_intake::MailIntakeSettings{
          .dossier_address = core::LowerAscii(config.mail_intake_address),
          .mailbox = !config.mail_intake_imap_url.empty()});
  if (!config.mail_intake_imap_url.empty()) {
    mailbox_reader_ =
        std::make_unique<MailboxReader>(MailboxSettingsFrom(config), *mail_intake_,
                                        std::chrono::seconds(config.mail_intake_poll_seconds));
  }
  hidden_repository_ = std::make_unique<storage::SqlHiddenItemRepository>(*database_, clock);
  digest_repository_ = std::make_unique<storage::SqlDigestRepository>(*database_);
  overview_ = std::make_unique<core::overview::OverviewService>(*hidden_repository_,
                                                                *digest_repository_, clock);
  audit_log_ = std::make_unique<storage::SqlAuditLog>(*database_);
  audit_ = std::make_unique<core::audit::AuditService>(*audit_log_, clock);
  clock_ = &clock;
  public_url_ = config.public_url;
  digest_hour_ = static_cast<int>(config.notifications_digest_hour);
  almanak_url_ = config.almanak_url;
  almanak_refresh_ = std::chrono::hours(config.almanak_refresh_hours);
  // Invitations are sent while the owner waits (they see whether the mail left); reset mails
  // go through the queue, so the answer takes as long for unknown addresses as for known ones.
  invitations_ = std::make_unique<core::accounts::InvitationService>(
      invitation_repository_, users_, workspaces_, *accounts_, crypto_, random, clock,
      smtp_enabled_ ? mailer_.get() : nullptr, config.public_url);
  password_resets_ = std::make_unique<core::accounts::PasswordResetService>(
      users_, credentials_, *accounts_, crypto_, random, clock, mail_queue_.get(),
      config.public_url);
  core::accounts::SsoSettings sso_settings{.issuer = config.sso_issuer,
                                           .client_id = config.sso_client_id,
                                           .allowed_domains = {},
                                           .roles_claim = config.sso_roles_claim,
                                           .required_amr = config.sso_required_amr};
  for (const auto& domain : EmailList(config.sso_allowed_domains)) {
    sso_settings.allowed_domains.push_back(domain.starts_with('@') ? domain.substr(1) : domain);
  }
  if (!config.sso_issuer.empty()) {
    std::string secret = config.sso_client_secret;
    if (secret.empty() && !config.sso_client_secret_file.empty()) {
      std::ifstream in(config.sso_client_secret_file);
      std::getline(in, secret);
      if (secret.empty()) {
        throw std::runtime_error("cannot read the SSO client secret from " +
                                 config.sso_client_secret_file);
      }
    }
    std::string base = config.public_url;
    while (base.ends_with('/')) base.pop_back();
    oidc_client_ =
        std::make_unique<OidcClient>(OidcSettings{.issuer = config.sso_issuer,
                                                  .client_id = config.sso_client_id,
                                                  .client_secret = secret,
                                                  .redirect_uri = base + "/api/v1/sso/callback",
                                                  .scopes = config.sso_scopes,
                                                  .token_auth = config.sso_token_auth});
  }
  sso_ = std::make_unique<core::accounts::SsoService>(
      sso_repository_, users_, workspaces_, *accounts_, invitation_repository_, crypto_, *cipher_,
      random, clock, oidc_client_.get(), sso_settings);
  themes_ = Checked(
      core::feedback::ParseThemeLexicon(KnowledgeText(config.knowledge_dir, "feedback_themes")),
      "feedback_themes");
  database_url_ = config.database_url;
  core::feedback::LiveNotifier* notifier = &live_feed_;
  if (database_->dialect() == storage::Dialect::kPostgres) {
    // Every instance on this database hears every change through LISTEN/NOTIFY.
    pg_notifier_ = std::make_unique<storage::PostgresNotifier>(*database_);
    notifier = pg_notifier_.get();
  }
  feedback_repository_ = std::make_unique<storage::SqlFeedbackRepository>(*database_);
  feedback_ = std::make_unique<core::feedback::FeedbackService>(
      *feedback_repository_, *whoiswho_repository_, *cipher_, crypto_, random, clock, themes_,
      *notifier, link_mail_.get(),
      core::feedback::FeedbackSettings{
          .phone_retention_days = static_cast<int>(config.feedback_phone_retention_days),
          .callback_hours_detractor = static_cast<int>(config.feedback_callback_hours_detractor),
          .callback_hours_other = static_cast<int>(config.feedback_callback_hours_other),
          .submit_per_link_per_minute =
              static_cast<int>(config.feedback_submissions_per_link_per_minute),
          .submit_per_address_per_minute =
              static_cast<int>(config.feedback_submissions_per_address_per_minute),
          .views_per_address_per_minute =
              static_cast<int>(config.feedback_views_per_address_per_minute)});
  // Open answers of earlier releases are sealed once, before anything reads them (decision 36).
  if (migrate) feedback_->SealStoredAnswers();
  // Nu doen: each module offers its items to the overview (and so to the e-mail digest).
  act_item_sources_.push_back(std::make_unique<core::overview::RelationsActItems>(*relations_));
  act_item_sources_.push_back(std::make_unique<core::overview::CallbackActItems>(*feedback_));
  act_item_sources_.push_back(std::make_unique<core::overview::CalendarActItems>(*calendar_));
  act_item_sources_.push_back(std::make_unique<core::overview::ScanActItems>(*scans_));
  act_item_sources_.push_back(std::make_unique<core::overview::CouncilActItems>(*council_));
  for (auto& source : act_item_sources_) overview_->AddSource(*source);
  // Zoeken: each module offers its records to global search, in the order groups are shown.
  search_sources_.push_back(std::make_unique<core::search::WhoIsWhoSearch>(*whoiswho_));
  search_sources_.push_back(std::make_unique<core::search::RelationsSearch>(*relations_));
  search_sources_.push_back(std::make_unique<core::search::CalendarSearch>(*calendar_));
  search_sources_.push_back(std::make_unique<core::search::FeedbackSearch>(*feedback_));
  search_sources_.push_back(std::make_unique<core::search::FinancingSearch>(*scenarios_));
  search_sources_.push_back(std::make_unique<core::search::ScanSearch>(*scans_));
  search_sources_.push_back(std::make_unique<core::search::SocialMapSearch>(*social_map_));
  search_sources_.push_back(std::make_unique<core::search::KnowledgeSearch>(*advisor_));
  search_sources_.push_back(std::make_unique<core::search::CouncilSearch>(*council_));
  for (auto& source : search_sources_) search_.AddSource(*source);
  // Agenda-abonnement: modules add their events to each member's calendar feed.
  feed_sources_.push_back(std::make_unique<core::calendar::RelationsFeedEvents>(*relations_));
  feed_sources_.push_back(std::make_unique<core::calendar::CouncilFeedEvents>(*council_));
  for (auto& source : feed_sources_) calendar_->AddFeedSource(*source);
}

Runtime::~Runtime() {
  if (mailbox_reader_) mailbox_reader_->Stop();
  {
    std::lock_guard lock(maintenance_mutex_);
    maintenance_stop_ = true;
  }
  maintenance_wake_.notify_all();
  if (maintenance_.joinable()) maintenance_.join();
  {
    std::lock_guard lock(council_mutex_);
    council_wanted_ = true;
  }
  council_wake_.notify_all();
  if (council_thread_.joinable()) council_thread_.join();
  pg_listener_.reset();
  live_feed_.Stop();
  streams_.CloseAll();
}

http::AppServices Runtime::Services() {
  return http::AppServices{.accounts = *accounts_,
                           .invitations = *invitations_,
                           .password_resets = *password_resets_,
                           .sso = *sso_,
                           .crypto = crypto_,
                           .whoiswho = *whoiswho_,
                           .calendar = *calendar_,
                           .advisor = *advisor_,
                           .feedback = *feedback_,
                           .relations = *relations_,
                           .scenarios = *scenarios_,
                           .simulations = simulations_,
                           .scans = *scans_,
                           .social_map = *social_map_,
                           .council = *council_,
                           .council_people = *council_people_,
                           .council_webhooks = *council_webhooks_,
                           .documents = *documents_,
                           .mail_intake = *mail_intake_,
                           .overview = *overview_,
                           .search = search_,
                           .audit = *audit_,
                           .streams = streams_,
                           .database_ready = [this] { return database_->Ping(); }};
}

void Runtime::StartBackground() {
  live_feed_.Start([this](const core::feedback::LiveEvent& event) {
    return http::RenderLiveEvent(*feedback_, event);
  });
  if (database_->dialect() == storage::Dialect::kPostgres && !pg_listener_) {
    pg_listener_ = std::make_unique<storage::PostgresListener>(
        database_url_, [this](const core::feedback::LiveEvent& e) { live_feed_.Notify(e); });
    // Serve only once this instance hears the others (or give up waiting after 5 s and let
    // the listener keep retrying in the background).
    for (int i = 0; i < 100 && !pg_listener_->listening(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  if (!maintenance_.joinable()) {
    maintenance_ = std::thread([this] {
      std::unique_lock lock(maintenance_mutex_);
      while (!maintenance_stop_) {
        lock.unlock();
        try {
          if (const auto purged = feedback_->PurgeExpiredPhones(); purged > 0) {
            LogInfo("deleted " + std::to_string(purged) + " phone number(s) past retention");
          }
          if (smtp_enabled_) {
            if (const int sent = SendDigests(false); sent > 0) {
              LogInfo("sent " + std::to_string(sent) + " e-mail digest(s)");
            }
            if (const int sent = link_mail_->SendDueReminders(); sent > 0) {
              LogInfo("sent " + std::to_string(sent) + " reminder(s) of scan and survey links");
            }
          }
          const auto almanak = RefreshAlmanak(false);
          using Outcome = AlmanakRefresh::Outcome;
          if (almanak.outcome == Outcome::kRefreshed) {
            LogInfo("almanak: refreshed " + std::to_string(almanak.workspaces) + " workspace(s), " +
                    std::to_string(almanak.positions) + " position(s) added or ended, " +
                    std::to_string(almanak.refused) + " refused");
          } else if (almanak.outcome == Outcome::kFailed ||
                     almanak.outcome == Outcome::kUnreadable) {
            LogError("almanak: not refreshed: " + almanak.detail);
          }
        } catch (const std::exception& e) {
          LogError(std::string("phone number clean-up failed: ") + e.what());
        }
        lock.lock();
        maintenance_wake_.wait_for(lock, std::chrono::hours(1),
                                   [this] { return maintenance_stop_; });
      }
    });
  }
  if (mailbox_reader_) mailbox_reader_->Start();
  if (council_sync_ && !council_thread_.joinable()) {
    // Talks to Open Besluitvorming only when the feature is used: a council is followed, or
    // someone opened the list of councils (which wakes this thread).
    council_thread_ = std::thread([this] {
      std::unique_lock lock(council_mutex_);
      for (;;) {
        const bool asked = council_wanted_;
        council_wanted_ = false;
        lock.unlock();
        {
          std::lock_guard stop(maintenance_mutex_);
          if (maintenance_stop_) return;
        }
        try {
          if (asked) {
            std::lock_guard round(council_round_mutex_);
            if (auto error = council_sync_->RefreshStatus(false); !error.empty()) {
              LogError("council: status list not read: " + error);
            }
          }
          const auto done = SyncCouncils(false);
          if (!done.status_error.empty()) {
            LogError("council: status list not read: " + done.status_error);
          }
          if (done.round.councils > 0) {
            LogInfo("council: " + std::to_string(done.round.councils) + " council(s) synced, " +
                    std::to_string(done.round.records) + " record(s), " +
                    std::to_string(done.round.failed) + " failed");
          }
        } catch (const std::exception& e) {
          LogError(std::string("council sync failed: ") + e.what());
        }
        // After every round (so at least every minute): webhooks hear of new and changed topic
        // matches, failed ones are retried when their wait is over, and meetings that enter the
        // 60 days are seen. Only workspaces with a webhook that is not waiting cost anything.
        try {
          const auto sent = DeliverCouncilWebhooks();
          if (sent.sent > 0 || sent.failed > 0) {
            LogInfo("council webhooks: " + std::to_string(sent.sent) + " event(s) sent, " +
                    std::to_string(sent.failed) + " webhook(s) failed");
          }
        } catch (const std::exception& e) {
          LogError(std::string("council webhooks failed: ") + e.what());
        }
        lock.lock();
        council_wake_.wait_for(lock, std::chrono::minutes(1), [this] { return council_wanted_; });
      }
    });
  }
}

Runtime::CouncilRound Runtime::SyncCouncils(bool force) {
  CouncilRound out;
  if (!council_sync_) return out;
  out.enabled = true;
  std::lock_guard round(council_round_mutex_);
  const bool wanted = force || !council_repository_->FollowedKeys().empty();
  if (wanted) out.status_error = council_sync_->RefreshStatus(force);
  out.round = council_sync_->Run(force);
  return out;
}

core::council::WebhookRound Runtime::DeliverCouncilWebhooks() {
  std::lock_guard round(webhook_round_mutex_);
  return council_webhooks_->Deliver();
}

Runtime::AlmanakRefresh Runtime::RefreshAlmanak(bool force) {
  using Outcome = AlmanakRefresh::Outcome;
  AlmanakRefresh result;
  if (almanak_url_.empty()) return result;
  const core::Instant now = clock_->Now();
  const auto known = storage::FindReferenceVersion(*database_, "almanak");
  if (!force && known && now - known->checked_at < almanak_refresh_) return result;
  // Noted before the download, so several instances do not all fetch in the same hour.
  // --force fetches the whole export again, also when it did not change: a workspace that
  // started working with a municipality after the last change gets its people at once.
  const std::string last_modified = known && !force ? known->version : "";
  storage::SaveReferenceVersion(*database_, "almanak",
                                {.version = last_modified, .checked_at = now});
  const auto fetched = FetchIfModified(almanak_url_, last_modified);
  if (fetched.status == 0) {
    result.outcome = Outcome::kFailed;
    result.detail = fetched.error;
    return result;
  }
  if (fetched.status == 304) {
    result.outcome = Outcome::kNotModified;
    result.detail = last_modified;
    return result;
  }
  const auto parsed = interchange::ParseAlmanakXml(fetched.body);
  if (!parsed.issues.empty()) {
    result.outcome = Outcome::kUnreadable;
    result.detail = "line " + std::to_string(parsed.issues[0].line) + ", " + parsed.issues[0].field;
    return result;
  }
  result.outcome = Outcome::kRefreshed;
  for (const auto& access : accounts_->OperatorAccessToAll()) {
    auto report = whoiswho_->RefreshFromAlmanak(access, parsed);
    if (!report || !report->applied) {
      ++result.refused;
      continue;
    }
    if (report->municipalities > 0) ++result.workspaces;
    result.positions += report->positions_added + report->positions_updated;
  }
  // Only a complete refresh moves the version on; a refused workspace is tried again next time.
  if (result.refused == 0) {
    storage::SaveReferenceVersion(*database_, "almanak",
                                  {.version = fetched.last_modified, .checked_at = now});
  }
  return result;
}

int Runtime::SendDigests(bool force) {
  const core::Instant now = clock_->Now();
  const core::CivilDate today = core::DutchDate(now);
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const int hour = static_cast<int>(((seconds / 3600) + core::DutchUtcOffsetHours(now)) % 24);
  if (!force && hour < digest_hour_) return 0;
  int sent = 0;
  for (const auto& subscriber : digest_repository_->Subscribers()) {
    if (!core::overview::DigestDue(subscriber, today, force)) continue;
    auto access = accounts_->OperatorAccess(subscriber.workspace_slug);
    if (!access) continue;
    access->user_id = subscriber.user_id;
    const bool en = subscriber.language == core::Language::kEnglish;
    auto items = overview_->ActNow(*access, en, 20);
    std::vector<std::string> explains;
    for (const auto& item : items) explains.push_back(core::overview::Explain(item, today, en));
    const auto mail =
        core::overview::ComposeDigest(subscriber, items, explains, public_url_, today);
    if (auto done = mailer_->Send(mail); !done) {
      LogError("digest to user " + std::to_string(subscriber.user_id) +
               " not sent: " + done.error().detail);
      continue;
    }
    digest_repository_->MarkSent(subscriber.workspace_id, subscriber.user_id, today);
    ++sent;
  }
  return sent;
}

std::string KnowledgeText(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(knowledge::Text(name));
  const std::string path = dir + "/" + std::string(name) + ".json";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read knowledge file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* Runtime::database_kind() const {
  return database_->dialect() == storage::Dialect::kSqlite ? "sqlite" : "postgresql";
}

}  // namespace aantafel::app
