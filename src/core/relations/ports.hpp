#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/relations/model.hpp"

namespace aantafel::core::relations {

/// Filter of the interaction list.
struct InteractionQuery {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> person_id;
  std::optional<Instant> from;
  std::optional<Instant> until;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

/// How often and how recently we met someone (or an organisation) since a moment.
struct ContactStats {
  std::optional<Instant> last;  ///< the last contact ever
  int count = 0;                ///< contacts since the moment
  int bring = 0;                ///< of which we came to bring (or both)
  int ask = 0;                  ///< of which we came to ask (or both)
};

/// Port: contacts, follow-ups and agreements. Every call names the workspace; notes are sealed
/// and opened by the implementation.
class RelationsRepository {
 public:
  virtual ~RelationsRepository() = default;

  virtual Interaction AddInteraction(std::int64_t ws, const Interaction& interaction) = 0;
  virtual bool UpdateInteraction(std::int64_t ws, const Interaction& interaction) = 0;
  virtual std::optional<Interaction> FindInteraction(std::int64_t ws, std::int64_t id) = 0;
  /// Newest first.
  virtual std::vector<Interaction> ListInteractions(std::int64_t ws,
                                                    const InteractionQuery& query) = 0;
  /// The newest `limit` contacts with their notes opened, without their people and colleagues
  /// (one query; for search).
  virtual std::vector<Interaction> NewestInteractions(std::int64_t ws, std::int64_t limit) = 0;
  virtual bool DeleteInteraction(std::int64_t ws, std::int64_t id) = 0;

  virtual FollowUp AddFollowUp(std::int64_t ws, const FollowUp& follow_up) = 0;
  virtual bool UpdateFollowUp(std::int64_t ws, const FollowUp& follow_up) = 0;
  virtual std::optional<FollowUp> FindFollowUp(std::int64_t ws, std::int64_t id) = 0;
  /// By due date; `open_only` leaves out the done ones.
  virtual std::vector<FollowUp> ListFollowUps(std::int64_t ws, bool open_only) = 0;
  virtual bool DeleteFollowUp(std::int64_t ws, std::int64_t id) = 0;

  /// Stores the agreement with its parties, commitments and the first history entry.
  virtual Agreement AddAgreement(std::int64_t ws, const Agreement& agreement) = 0;
  /// Replaces fields, parties and commitments; appends `agreement.history.back()` when
  /// `status_changed`.
  virtual bool UpdateAgreement(std::int64_t ws, const Agreement& agreement,
                               bool status_changed) = 0;
  virtual std::optional<Agreement> FindAgreement(std::int64_t ws, std::int64_t id) = 0;
  /// Optionally only those with `organisation_id` as a party; by due date.
  virtual std::vector<Agreement> ListAgreements(std::int64_t ws,
                                                std::optional<std::int64_t> organisation_id) = 0;
  virtual bool DeleteAgreement(std::int64_t ws, std::int64_t id) = 0;

  virtual bool PlanExists(std::int64_t ws, std::int64_t plan_id) = 0;
  virtual bool IsMember(std::int64_t ws, std::int64_t user_id) = 0;
  /// Contact statistics per person (only people with at least one contact appear): counts
  /// from `since`, and nothing after `until` (a contact dated later is planned, not had).
  virtual std::map<std::int64_t, ContactStats> PersonStats(std::int64_t ws,
                                                           std::span<const std::int64_t> people,
                                                           Instant since, Instant until) = 0;
  virtual ContactStats OrganisationStats(std::int64_t ws, std::int64_t organisation_id,
                                         Instant since, Instant until) = 0;
};

}  // namespace aantafel::core::relations
