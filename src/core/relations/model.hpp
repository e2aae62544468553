#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/validation.hpp"
#include "core/whoiswho/model.hpp"

namespace aantafel::core::relations {

/// A contact's subject and notes (the form, and a filed e-mail message, keep to these).
inline constexpr TextRule kInteractionSubject{.min_chars = 1, .max_chars = 200};
inline constexpr TextRule kInteractionNotes{
    .min_chars = 0, .max_chars = 20000, .allow_newlines = true};

/// What kind of contact it was (glossary: contact / contactmoment = interaction).
enum class InteractionKind {
  kMeeting,         ///< overleg
  kWorkingVisit,    ///< werkbezoek / wijkbezoek
  kBikeTour,        ///< fietstour
  kIntroduction,    ///< informele kennismaking
  kPhone,           ///< telefoon
  kEmail,           ///< e-mail
  kEvent,           ///< webinar / bijeenkomst
  kCouncilHearing,  ///< raadsvergadering / commissie, inspraak
  kOther,
};
/// Did we come to bring something, or to ask for something?
enum class Stance { kBring, kAsk, kBoth, kNeither };
/// concept → agreed → in_progress → fulfilled / not_fulfilled / lapsed.
enum class AgreementStatus { kConcept, kAgreed, kInProgress, kFulfilled, kNotFulfilled, kLapsed };

std::string_view ToString(InteractionKind kind);
std::string_view ToString(Stance stance);
std::string_view ToString(AgreementStatus status);
std::optional<InteractionKind> ParseInteractionKind(std::string_view text);
std::optional<Stance> ParseStance(std::string_view text);
std::optional<AgreementStatus> ParseAgreementStatus(std::string_view text);
/// Whether an agreement in this status still asks for work (concept, agreed, in progress).
bool IsOpen(AgreementStatus status);

/// One contact moment with a municipality or partner.
struct Interaction {
  std::int64_t id = 0;
  Instant occurred_at{};
  InteractionKind kind = InteractionKind::kMeeting;
  std::optional<std::int64_t> organisation_id;
  std::string subject;
  std::string notes;  ///< personal data: encrypted at rest
  Stance stance = Stance::kNeither;
  std::vector<std::string> tags;
  std::optional<std::int64_t> plan_id;
  std::vector<std::int64_t> person_ids;  ///< people from Wie is wie
  std::vector<std::int64_t> staff_ids;   ///< our own colleagues (members)
  std::optional<std::int64_t> created_by;
  Instant created_at{};
  Instant updated_at{};
};

/// An action that came out of a contact (or stands alone), with owner and due date.
struct FollowUp {
  std::int64_t id = 0;
  std::optional<std::int64_t> interaction_id;
  std::string title;
  std::optional<std::int64_t> owner_id;
  CivilDate due_on;
  std::optional<Instant> done_at;
  Instant created_at{};
};

/// What one party promises. No organisation: our own organisation.
struct Commitment {
  std::optional<std::int64_t> organisation_id;
  std::string text;
  bool operator==(const Commitment&) const = default;
};

/// One change of an agreement's status.
struct StatusChange {
  AgreementStatus status = AgreementStatus::kConcept;
  Instant at{};
  std::optional<std::int64_t> by;
};

/// An agreement between parties with concrete contributions from each side.
struct Agreement {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  std::vector<std::int64_t> organisation_ids;  ///< the other parties
  std::vector<Commitment> commitments;
  std::optional<std::int64_t> owner_id;
  std::optional<CivilDate> due_on;
  AgreementStatus status = AgreementStatus::kConcept;
  std::optional<std::int64_t> interaction_id;
  std::vector<StatusChange> history;  ///< oldest first
  Instant created_at{};
  Instant updated_at{};
};

/// Whether an open agreement or follow-up is past its due date on `today`.
bool IsOverdue(const Agreement& agreement, CivilDate today);
bool IsOverdue(const FollowUp& follow_up, CivilDate today);

// ---- relationship health ----

/// Days between contacts we aim for, by the person's quadrant in the field of forces: manage
/// closely every 6 weeks, keep satisfied and keep informed every quarter, monitor twice a year.
int TargetRhythmDays(std::optional<whoiswho::Quadrant> quadrant);

/// What relationship health is computed from.
struct HealthInput {
  CivilDate today;
  std::optional<whoiswho::Quadrant> quadrant;  ///< none for a municipality as a whole
  std::optional<int> target_days;              ///< overrides the rhythm of the quadrant
  std::optional<CivilDate> last_contact;
  int contacts_last_year = 0;
  int bring_last_year = 0;  ///< contacts where we came to bring (or both)
  int ask_last_year = 0;    ///< contacts where we came to ask (or both)
  int open_agreements = 0;
  int overdue_agreements = 0;
};

enum class HealthStatus { kGood, kAttention, kAction };
std::string_view ToString(HealthStatus status);

/// One reason, with the numbers a sentence needs; the HTTP layer words it in Dutch or English.
struct HealthReason {
  enum class Code {
    kNeverMet,           ///< no contact recorded; target
    kContactOverdue,     ///< days since last contact > target; days, target
    kContactOnRhythm,    ///< days, target
    kMostlyAsking,       ///< asked more than brought in the last year; bring, ask
    kAgreementsOverdue,  ///< count
    kAgreementsOpen,     ///< count
  };
  Code code = Code::kNeverMet;
  HealthStatus weight = HealthStatus::kGood;
  int days = 0;
  int target = 0;
  int bring = 0;
  int ask = 0;
  int count = 0;
  bool operator==(const HealthReason&) const = default;
};

struct Health {
  HealthStatus status = HealthStatus::kGood;
  std::vector<HealthReason> reasons;  ///< most serious first
};

/// The explained status: the worst of the reasons, never an unexplained score.
Health AssessHealth(const HealthInput& input);

}  // namespace aantafel::core::relations
