#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

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
#include "core/social_map/service.hpp"
#include "core/whoiswho/service.hpp"
#include "http/event_stream.hpp"
#include "http/router.hpp"
#include "http/simulation_runner.hpp"

namespace aantafel::core::search {
class SearchService;
}

namespace aantafel::http {

struct SystemDeps {
  std::function<bool()> database_ready;
  std::string database_kind;
  std::string version;
};
/// GET /healthz, GET /readyz.
void RegisterSystemRoutes(Router& router, SystemDeps deps);

struct SessionDeps {
  core::accounts::AccountsService& accounts;
  core::accounts::InvitationService& invitations;
  core::accounts::PasswordResetService& password_resets;
  core::accounts::Crypto& crypto;
  /// Writes one line per refused sign-in (wrong password, unknown account, rate limit).
  std::function<void(const std::string&)> log_security;
  std::string public_url;     ///< [server] public_url, shown so owners can tell it is not set
  bool mail_enabled = false;  ///< shown so the app offers to mail links only when it can
  bool secure_cookies = false;
  std::chrono::seconds session_ttl{12 * 3600};
};
/// POST/GET/DELETE /api/v1/session; the caller's own account (/api/v1/account…); password reset
/// and invitation links (/api/v1/password-reset…, /api/v1/invitations/…).
void RegisterSessionRoutes(Router& router, SessionDeps deps);

struct SsoDeps {
  core::accounts::SsoService& sso;
  std::function<void(const std::string&)> log_security;
  std::string button_label;  ///< what the sign-in button names ("Microsoft 365")
  bool secure_cookies = false;
  std::chrono::seconds session_ttl{12 * 3600};
};
/// Single sign-on: /api/v1/sso (start, callback) and each workspace's settings (…/sso).
void RegisterSsoRoutes(Router& router, SsoDeps deps);

/// /api/v1/workspaces…, members and invitations.
void RegisterWorkspaceRoutes(Router& router, core::accounts::AccountsService& accounts,
                             core::accounts::InvitationService& invitations);

/// Wie is wie: municipalities, organisations, people, positions, assessments, elections.
void RegisterWhoIsWhoRoutes(Router& router, core::whoiswho::WhoIsWhoService& service);
/// Kaarten: TopoJSON of the built-in and imported municipality, district and neighbourhood
/// boundaries.
void RegisterMapRoutes(Router& router, core::social_map::SocialMapService& social_map);
void RegisterAdvisorRoutes(Router& router, core::advisor::AdvisorService& service);
/// `public_url` is the base of the links back to aantafel in calendar feeds (may be empty). The
/// feeds' events come from the service (and the modules registered as its feed sources).
void RegisterCalendarRoutes(Router& router, core::calendar::PolicyCalendarService& service,
                            const std::string& public_url);

/// Cliëntfeedback: surveys, the public survey page /f/{token}, live feed, callbacks, NPS.
void RegisterFeedbackRoutes(Router& router, core::feedback::FeedbackService& service,
                            StreamHub& streams, const std::string& public_url);
/// Contacten en afspraken: interactions, follow-ups, agreements, relationship health, timeline.
void RegisterRelationsRoutes(Router& router, core::relations::RelationsService& service);
/// An agreement as the API shows it (shared with the scan's "turn into an agreement").
nlohmann::json AgreementJson(const core::relations::Agreement& agreement, core::CivilDate today);
/// An interaction as the API shows it; notes only when `with_notes`.
nlohmann::json InteractionJson(const core::relations::Interaction& interaction, bool with_notes);
/// An organisation's relationship health with its people, as GET …/relationship-health.
nlohmann::json RelationshipHealthJson(const core::relations::OrganisationHealth& health,
                                      bool english);
/// A cycle event and a plan's window, with their labels in `language`.
nlohmann::json CycleEventJson(const core::calendar::CycleEvent& event,
                              const core::calendar::CycleRules& rules, Language language);
nlohmann::json PlanWindowJson(const core::calendar::Window& window,
                              const core::calendar::CycleRules& rules, Language language);
/// One NPS group (counts, estimate, interval, whether there are enough answers to show).
nlohmann::json NpsGroupJson(const core::feedback::NpsGroup& group);

/// Samenwerkingsscan and waardecasus; the public respondent page /s/{token}. `relations` turns an
/// improvement step into an agreement.
void RegisterScanRoutes(Router& router, core::scans::ScanService& scans,
                        core::relations::RelationsService& relations,
                        const std::string& public_url);
/// What the overview combines: the act-now items come from the overview service's sources, the
/// key figures from the modules.
struct OverviewDeps {
  core::overview::OverviewService& overview;
  core::relations::RelationsService& relations;
  core::feedback::FeedbackService& feedback;
  core::calendar::PolicyCalendarService& calendar;
};
/// Overzicht: GET …/overview (act-now items and key figures), hide and snooze items.
void RegisterOverviewRoutes(Router& router, OverviewDeps deps);
/// What global search looks in.
/// GET …/search?q= across the workspace's modules and the knowledge base (core/search).
void RegisterSearchRoutes(Router& router, core::search::SearchService& search);
/// What the municipality page combines.
struct MunicipalityDeps {
  core::whoiswho::WhoIsWhoService& whoiswho;
  core::relations::RelationsService& relations;
  core::calendar::PolicyCalendarService& calendar;
  core::feedback::FeedbackService& feedback;
  core::social_map::SocialMapService& social_map;
  core::scans::ScanService& scans;
  core::financing::ScenarioService& scenarios;
};
/// GET …/organisations/{organisation_id}/dossier: everything about one municipality in one place.
void RegisterMunicipalityRoutes(Router& router, MunicipalityDeps deps);
/// Sociale kaart: areas, services, coverage, consortia and the read-only link /c/{token}.
/// Raadsinformatie: follow councils, their meetings with agenda, documents and motions.
void RegisterCouncilRoutes(Router& router, core::council::CouncilService& service,
                           core::council::CouncilPeopleService& people,
                           core::council::CouncilWebhookService& webhooks);
/// Documenten: files attached to contacts, agreements, plans and organisations.
void RegisterDocumentRoutes(Router& router, core::documents::DocumentService& documents);
/// Dossiermail: an e-mail message (.eml) filed as a contact with its people and files.
void RegisterMailIntakeRoutes(Router& router, core::mail_intake::MailIntakeService& mail_intake);
void RegisterSocialMapRoutes(Router& router, core::social_map::SocialMapService& service,
                             const std::string& public_url);
/// Bekostiging: simulations (JSON or streamed with progress), saved scenarios and their exports.
void RegisterFinancingRoutes(Router& router, core::financing::ScenarioService& scenarios,
                             SimulationRunner& simulations);
/// One live-feed event as Server-Sent Event text; nullopt when the item is gone.
std::optional<std::string> RenderLiveEvent(core::feedback::FeedbackService& service,
                                           const core::feedback::LiveEvent& event);

/// GET …/audit-log: who changed what and when (owners only).
void RegisterAuditRoutes(Router& router, core::audit::AuditService& audit);

/// /api/v1/workspaces/{slug}/tokens…
void RegisterTokenRoutes(Router& router, core::accounts::AccountsService& accounts);

}  // namespace aantafel::http
