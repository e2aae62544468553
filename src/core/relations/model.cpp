#include "core/relations/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/enum_names.hpp"

namespace aantafel::core::relations {

namespace {

template <typename E, std::size_t N>
using Names = EnumNames<E, N>;

constexpr Names<InteractionKind, 9> kKinds{{{InteractionKind::kMeeting, "meeting"},
                                            {InteractionKind::kWorkingVisit, "working_visit"},
                                            {InteractionKind::kBikeTour, "bike_tour"},
                                            {InteractionKind::kIntroduction, "introduction"},
                                            {InteractionKind::kPhone, "phone"},
                                            {InteractionKind::kEmail, "email"},
                                            {InteractionKind::kEvent, "event"},
                                            {InteractionKind::kCouncilHearing, "council_hearing"},
                                            {InteractionKind::kOther, "other"}}};
constexpr Names<Stance, 4> kStances{{{Stance::kBring, "bring"},
                                     {Stance::kAsk, "ask"},
                                     {Stance::kBoth, "both"},
                                     {Stance::kNeither, "neither"}}};
constexpr Names<AgreementStatus, 6> kStatuses{{{AgreementStatus::kConcept, "concept"},
                                               {AgreementStatus::kAgreed, "agreed"},
                                               {AgreementStatus::kInProgress, "in_progress"},
                                               {AgreementStatus::kFulfilled, "fulfilled"},
                                               {AgreementStatus::kNotFulfilled, "not_fulfilled"},
                                               {AgreementStatus::kLapsed, "lapsed"}}};
constexpr Names<HealthStatus, 3> kHealth{{{HealthStatus::kGood, "good"},
                                          {HealthStatus::kAttention, "attention"},
                                          {HealthStatus::kAction, "action"}}};

}  // namespace

std::string_view ToString(InteractionKind kind) { return NameOf(kKinds, kind); }
std::string_view ToString(Stance stance) { return NameOf(kStances, stance); }
std::string_view ToString(AgreementStatus status) { return NameOf(kStatuses, status); }
std::string_view ToString(HealthStatus status) { return NameOf(kHealth, status); }
std::optional<InteractionKind> ParseInteractionKind(std::string_view text) {
  return ValueOf(kKinds, text);
}
std::optional<Stance> ParseStance(std::string_view text) { return ValueOf(kStances, text); }
std::optional<AgreementStatus> ParseAgreementStatus(std::string_view text) {
  return ValueOf(kStatuses, text);
}

bool IsOpen(AgreementStatus status) {
  return status == AgreementStatus::kConcept || status == AgreementStatus::kAgreed ||
         status == AgreementStatus::kInProgress;
}

bool IsOverdue(const Agreement& agreement, CivilDate today) {
  return IsOpen(agreement.status) && agreement.due_on && *agreement.due_on < today;
}

bool IsOverdue(const FollowUp& follow_up, CivilDate today) {
  return !follow_up.done_at && follow_up.due_on < today;
}

int TargetRhythmDays(std::optional<whoiswho::Quadrant> quadrant) {
  if (!quadrant) return 182;
  switch (*quadrant) {
    case whoiswho::Quadrant::kManageClosely: return 42;
    case whoiswho::Quadrant::kKeepSatisfied: return 91;
    case whoiswho::Quadrant::kKeepInformed: return 91;
    case whoiswho::Quadrant::kMonitor: return 182;
  }
  return 182;
}

Health AssessHealth(const HealthInput& in) {
  using Code = HealthReason::Code;
  const int target = in.target_days.value_or(TargetRhythmDays(in.quadrant));
  const bool key = in.quadrant == whoiswho::Quadrant::kManageClosely ||
                   in.quadrant == whoiswho::Quadrant::kKeepSatisfied;
  Health health;
  if (!in.last_contact) {
    health.reasons.push_back({.code = Code::kNeverMet,
                              .weight = key ? HealthStatus::kAction : HealthStatus::kAttention,
                              .target = target});
  } else {
    const int days =
        static_cast<int>(in.today.DaysSinceEpoch() - in.last_contact->DaysSinceEpoch());
    const HealthStatus weight = days > 2 * target ? HealthStatus::kAction
                                : days > target   ? HealthStatus::kAttention
                                                  : HealthStatus::kGood;
    health.reasons.push_back(
        {.code = weight == HealthStatus::kGood ? Code::kContactOnRhythm : Code::kContactOverdue,
         .weight = weight,
         .days = days,
         .target = target});
  }
  // Coming mostly to ask wears a relationship out: bring something as often as you ask.
  if (in.ask_last_year >= 3 && in.ask_last_year > 2 * in.bring_last_year) {
    health.reasons.push_back({.code = Code::kMostlyAsking,
                              .weight = HealthStatus::kAttention,
                              .bring = in.bring_last_year,
                              .ask = in.ask_last_year});
  }
  if (in.overdue_agreements > 0) {
    health.reasons.push_back({.code = Code::kAgreementsOverdue,
                              .weight = HealthStatus::kAction,
                              .count = in.overdue_agreements});
  }
  if (in.open_agreements > in.overdue_agreements) {
    health.reasons.push_back({.code = Code::kAgreementsOpen,
                              .weight = HealthStatus::kGood,
                              .count = in.open_agreements - in.overdue_agreements});
  }
  std::stable_sort(health.reasons.begin(), health.reasons.end(),
                   [](const HealthReason& a, const HealthReason& b) {
                     return static_cast<int>(a.weight) > static_cast<int>(b.weight);
                   });
  for (const auto& r : health.reasons) {
    health.status =
        static_cast<int>(r.weight) > static_cast<int>(health.status) ? r.weight : health.status;
  }
  return health;
}

}  // namespace aantafel::core::relations
