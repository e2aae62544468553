#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/relations/model.hpp"
#include "core/relations/ports.hpp"
#include "core/result.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::relations {

/// An interaction as typed; absent fields keep their value on change.
struct InteractionPatch {
  std::optional<std::string> occurred_at;  ///< "YYYY-MM-DDTHH:MM" (Dutch time) or RFC 3339
  std::optional<std::string> kind;
  std::optional<std::optional<std::int64_t>> organisation_id;
  std::optional<std::string> subject;
  std::optional<std::string> notes;
  std::optional<std::string> stance;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::optional<std::int64_t>> plan_id;
  std::optional<std::vector<std::int64_t>> person_ids;
  std::optional<std::vector<std::int64_t>> staff_ids;
};

struct FollowUpPatch {
  std::optional<std::string> title;
  std::optional<std::string> due_on;
  std::optional<std::optional<std::int64_t>> owner_id;
  std::optional<std::optional<std::int64_t>> interaction_id;
  std::optional<bool> done;
};

struct AgreementPatch {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::vector<std::int64_t>> organisation_ids;
  std::optional<std::vector<Commitment>> commitments;
  std::optional<std::optional<std::int64_t>> owner_id;
  std::optional<std::optional<std::string>> due_on;
  std::optional<std::string> status;
  std::optional<std::optional<std::int64_t>> interaction_id;
};

/// What needs someone this week: overdue and due within seven days.
struct ThisWeek {
  std::vector<FollowUp> follow_ups;
  std::vector<Agreement> agreements;
};

/// A contact as exported: its organisation and people by name, not id.
struct InteractionExportLine {
  Interaction interaction;
  std::string organisation;         ///< empty when none
  std::vector<std::string> people;  ///< names, in the contact's order
};

/// An agreement as exported: each commitment's party by name ("" for our own organisation).
struct AgreementExportLine {
  Agreement agreement;
  bool overdue = false;
  std::vector<std::pair<std::string, std::string>> commitments;  ///< party name, text
};

/// Relationship health of one person or of a municipality as a whole.
struct PersonHealth {
  whoiswho::Person person;
  std::optional<whoiswho::Quadrant> quadrant;
  std::optional<Instant> last_contact;
  Health health;
};
struct OrganisationHealth {
  whoiswho::Organisation organisation;
  std::optional<Instant> last_contact;
  Health health;
  std::vector<PersonHealth> people;  ///< people with a current position there, worst first
};

/// One line of a timeline.
struct TimelineItem {
  enum class Kind { kInteraction, kAgreement, kStatusChange, kPositionStarted, kPositionEnded };
  Kind kind = Kind::kInteraction;
  Instant at{};
  std::optional<Interaction> interaction;
  std::optional<Agreement> agreement;
  std::optional<StatusChange> change;
  std::optional<whoiswho::Position> position;
};

/// Use cases of Contacten en afspraken.
class RelationsService {
 public:
  RelationsService(RelationsRepository& repository, whoiswho::WhoIsWhoRepository& whoiswho,
                   const Clock& clock);

  Result<Interaction> AddInteraction(const accounts::WorkspaceAccess& access,
                                     const InteractionPatch& input);
  Result<Interaction> UpdateInteraction(const accounts::WorkspaceAccess& access, std::int64_t id,
                                        const InteractionPatch& patch);
  Result<Interaction> GetInteraction(const accounts::WorkspaceAccess& access, std::int64_t id);
  Result<std::vector<Interaction>> ListInteractions(const accounts::WorkspaceAccess& access,
                                                    const InteractionQuery& query);
  Status DeleteInteraction(const accounts::WorkspaceAccess& access, std::int64_t id);

  Result<FollowUp> AddFollowUp(const accounts::WorkspaceAccess& access, const FollowUpPatch& in);
  Result<FollowUp> UpdateFollowUp(const accounts::WorkspaceAccess& access, std::int64_t id,
                                  const FollowUpPatch& patch);
  std::vector<FollowUp> ListFollowUps(const accounts::WorkspaceAccess& access, bool open_only);
  Status DeleteFollowUp(const accounts::WorkspaceAccess& access, std::int64_t id);

  Result<Agreement> AddAgreement(const accounts::WorkspaceAccess& access,
                                 const AgreementPatch& input);
  Result<Agreement> UpdateAgreement(const accounts::WorkspaceAccess& access, std::int64_t id,
                                    const AgreementPatch& patch);
  Result<Agreement> GetAgreement(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<Agreement> ListAgreements(const accounts::WorkspaceAccess& access,
                                        std::optional<std::int64_t> organisation_id);
  Status DeleteAgreement(const accounts::WorkspaceAccess& access, std::int64_t id);

  ThisWeek Week(const accounts::WorkspaceAccess& access);

  /// The newest `count` contacts, with their notes, newest first (for the export).
  std::vector<Interaction> RecentInteractions(const accounts::WorkspaceAccess& access,
                                              std::size_t count);
  /// The newest `count` contacts with notes and tags but without their people (for search).
  std::vector<Interaction> NewestForSearch(const accounts::WorkspaceAccess& access,
                                           std::size_t count);
  /// Every contact of the workspace for a file export, newest first, with names resolved.
  std::vector<InteractionExportLine> ExportInteractions(const accounts::WorkspaceAccess& access);
  /// Every agreement for a file export, with names resolved and whether it is overdue today.
  std::vector<AgreementExportLine> ExportAgreements(const accounts::WorkspaceAccess& access);
  /// A user's reminders for their personal calendar feed: their open follow-ups and their open
  /// agreements that have a due date (the feed checked the secret token; no access object).
  ThisWeek Reminders(std::int64_t ws, std::int64_t user_id);
  Result<OrganisationHealth> HealthOf(const accounts::WorkspaceAccess& access,
                                      std::int64_t organisation_id);
  /// Everything about one organisation or one person, newest first.
  Result<std::vector<TimelineItem>> Timeline(const accounts::WorkspaceAccess& access,
                                             std::optional<std::int64_t> organisation_id,
                                             std::optional<std::int64_t> person_id);

  [[nodiscard]] CivilDate Today() const { return DutchDate(clock_.Now()); }

 private:
  Status CheckLinks(std::int64_t ws, const Interaction& i, FieldErrors& errors);
  void CheckAgreement(std::int64_t ws, const Agreement& a, FieldErrors& errors);

  RelationsRepository& repository_;
  whoiswho::WhoIsWhoRepository& whoiswho_;
  const Clock& clock_;
};

}  // namespace aantafel::core::relations
