#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/accounts/invitations.hpp"
#include "core/accounts/password_reset.hpp"
#include "core/accounts/service.hpp"
#include "core/accounts/sso.hpp"
#include "core/advisor/service.hpp"
#include "core/audit/audit.hpp"
#include "core/calendar/service.hpp"
#include "core/council/people_service.hpp"
#include "core/council/service.hpp"
#include "core/council/webhook.hpp"
#include "core/documents/service.hpp"
#include "core/feedback/service.hpp"
#include "core/financing/scenarios.hpp"
#include "core/mail_intake/service.hpp"
#include "core/overview/service.hpp"
#include "core/relations/service.hpp"
#include "core/scans/service.hpp"
#include "core/search/service.hpp"
#include "core/social_map/service.hpp"
#include "core/whoiswho/service.hpp"
#include "http/context.hpp"
#include "http/event_stream.hpp"
#include "http/router.hpp"
#include "http/simulation_runner.hpp"
#include "http/static_files.hpp"

namespace aantafel::http {

/// Settings the HTTP application needs (a slice of the global Config).
struct AppSettings {
  bool secure_cookies = false;                  ///< add Secure to cookies (served over https)
  std::chrono::seconds session_ttl{12 * 3600};  ///< cookie lifetime = session lifetime
  std::string static_dir = "web/dist";          ///< built web app
  std::string version = "0.0.0";
  std::string database_kind = "sqlite";
  std::string public_url;  ///< absolute base for links that leave the app (calendar feeds)
  std::string sso_button_label = "Microsoft 365";  ///< [sso] button_label
  bool mail_enabled = false;                       ///< a mail relay is configured ([smtp] url)
  /// Security events (refused sign-ins); default: stderr.
  std::function<void(const std::string&)> log_security;
};

/// What the application calls into.
struct AppServices {
  core::accounts::AccountsService& accounts;
  core::accounts::InvitationService& invitations;
  core::accounts::PasswordResetService& password_resets;
  core::accounts::SsoService& sso;
  core::accounts::Crypto& crypto;
  core::whoiswho::WhoIsWhoService& whoiswho;
  core::calendar::PolicyCalendarService& calendar;
  core::advisor::AdvisorService& advisor;
  core::feedback::FeedbackService& feedback;
  core::relations::RelationsService& relations;
  core::financing::ScenarioService& scenarios;
  SimulationRunner& simulations;  ///< bounds concurrent Bekostiging simulations
  core::scans::ScanService& scans;
  core::social_map::SocialMapService& social_map;
  core::council::CouncilService& council;
  core::council::CouncilPeopleService& council_people;
  core::council::CouncilWebhookService& council_webhooks;
  core::documents::DocumentService& documents;
  core::mail_intake::MailIntakeService& mail_intake;
  core::overview::OverviewService& overview;
  core::search::SearchService& search;
  core::audit::AuditService& audit;      ///< every change to workspace data
  StreamHub& streams;                    ///< open live-feed connections
  std::function<bool()> database_ready;  ///< for /readyz
};

/// Logger of unexpected failures (set by the composition root; default: stderr).
using FailureLogger = std::function<void(const HttpRequest&, const std::string& what)>;

/// The whole HTTP application: router, middleware chain, handlers and static files.
/// The network server hands it requests; it never touches a socket and never throws.
class App {
 public:
  App(AppServices services, AppSettings settings, FailureLogger log_failure = {});

  /// Answers one request (runs on a worker thread; may block on the database).
  HttpResponse Handle(const HttpRequest& request);
  /// The response for a request the server refused before routing (too large, malformed).
  HttpResponse Reject(const core::Error& error, const HttpRequest& request) const;

  /// Whether a request line names a route that takes a file upload (RouteOptions::file_upload),
  /// so the server can allow its larger body before reading it. `target` may hold a query.
  [[nodiscard]] bool IsFileUpload(std::string_view method, std::string_view target) const;

  /// Routes, for adding test-only endpoints and for checking against the OpenAPI spec.
  Router& router() { return router_; }

 private:
  HttpResponse Route(const HttpRequest& request, Language language);
  HttpResponse RunChain(RequestContext& ctx, const Handler& handler);

  AppServices services_;
  AppSettings settings_;
  FailureLogger log_failure_;
  Router router_;
  std::vector<Middleware> chain_;
  StaticFiles static_files_;
};

}  // namespace aantafel::http
