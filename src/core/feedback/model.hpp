#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace aantafel::core::feedback {

/// The law a service is delivered under; results roll up by it.
enum class Law { kWmo, kJeugdwet, kWlz, kZvw, kNone };
/// How the client reached the survey.
enum class Channel { kLink, kQr, kSms, kEmail, kTablet };
/// NPS class of a score: 0–6 detractor, 7–8 passive, 9–10 promoter.
enum class Category { kDetractor, kPassive, kPromoter };
/// open → called → closed with an outcome: done (reached), unreachable (not reached) or
/// not_needed (no longer needed). Closed is not the same as hidden from someone's overview.
enum class CallbackStatus { kOpen, kCalled, kDone, kUnreachable, kNotNeeded };

std::string_view ToString(Law law);
std::string_view ToString(Channel channel);
std::string_view ToString(Category category);
std::string_view ToString(CallbackStatus status);
std::optional<Law> ParseLaw(std::string_view text);
std::optional<Channel> ParseChannel(std::string_view text);
std::optional<Category> ParseCategory(std::string_view text);
std::optional<CallbackStatus> ParseCallbackStatus(std::string_view text);

/// The class of a score 0–10.
Category CategoryOf(int score);

/// The four standard questions in Dutch and English. "{service}" stands for the survey's service.
struct Questions {
  std::string recommend_nl, recommend_en;
  std::string why_nl, why_en;
  std::string better_nl, better_en;
  std::string callback_nl, callback_en;
  bool operator==(const Questions&) const = default;
};

/// The standard wording (B1), after the client-experience article in the domain sources.
Questions StandardQuestions();
/// Serialised form for storage (JSON object with the eight keys) and back; nullopt when broken.
std::string EncodeQuestions(const Questions& q);
std::optional<Questions> DecodeQuestions(std::string_view json_text);

/// A survey: belongs to a team/location and a service, tagged so results roll up.
struct Survey {
  std::int64_t id = 0;
  std::string token;  ///< public link /f/{token}
  std::string name;
  std::string team;
  std::string service;
  std::optional<std::string> municipality_code;  ///< GM0344
  Law law = Law::kNone;
  std::string domain;
  Channel channel = Channel::kLink;  ///< channel of the public link
  bool active = true;
  int pause_days = 90;  ///< no new invitation to the same client within this many days
  Questions questions;
  Instant created_at{};
  Instant updated_at{};
};

/// A single-use personal link for one contact.
struct Invitation {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::string reference;
  Channel channel = Channel::kSms;
  Instant expires_at{};
  std::optional<Instant> used_at;
};

/// A stored answer. `phone` is only filled where the caller may see it.
struct Response {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::string survey_name;
  std::string team;
  int score = 0;
  std::string why;
  std::string better;
  bool callback = false;  ///< asked to be called and left a number
  bool has_phone = false;
  Channel channel = Channel::kLink;
  std::string language = "nl";
  std::vector<std::string> themes;
  Instant received_at{};
};

/// A callback task made when a client asks to be called.
struct Callback {
  std::int64_t id = 0;
  std::int64_t response_id = 0;
  std::string survey_name;
  std::string team;
  int score = 0;
  std::string why;
  std::string better;
  CallbackStatus status = CallbackStatus::kOpen;
  std::optional<std::int64_t> assignee_id;
  std::string assignee_name;
  std::string assignee_email;
  Instant due_at{};
  std::string notes;
  std::string outcome;
  bool has_phone = false;
  Instant created_at{};
  Instant updated_at{};
};

/// Counts of one group.
struct NpsCounts {
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;
  [[nodiscard]] std::int64_t n() const { return promoters + passives + detractors; }
  NpsCounts& operator+=(const NpsCounts& o) {
    promoters += o.promoters;
    passives += o.passives;
    detractors += o.detractors;
    return *this;
  }
};

/// NPS (−100…100) with a 95% interval by the adjusted-Wald method for NPS: add 3/4 of a
/// promoter and 3/4 of a detractor (n + 3 in total), take the variance of the difference of two
/// proportions of one multinomial, clip to −100…100. Empty when n = 0.
struct NpsEstimate {
  std::optional<double> nps;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
};
NpsEstimate EstimateNps(const NpsCounts& counts);

/// Groups smaller than this are shown greyed out: too few answers to compare.
inline constexpr std::int64_t kMinGroupSize = 30;
/// Whether a group has enough answers to show its NPS as a figure (kMinGroupSize).
inline bool EnoughAnswers(const NpsCounts& counts) { return counts.n() >= kMinGroupSize; }

/// The local (Europe/Amsterdam) day of an instant, as days since 1970-01-01.
long LocalDay(Instant instant);
/// Monday of the ISO week containing `day` and the first day of its month.
long WeekStart(long day);
long MonthStart(long day);
/// "2026-W48" for the ISO week containing `day`.
std::string IsoWeekLabel(long day);

/// A phone number as a client may type it: Dutch (06-12345678, 020 123 4567, 0031…) or
/// international (+32 …). Returns the normalised form (+31612345678) or nullopt.
std::optional<std::string> NormalisePhone(std::string_view text);

/// The answer to "how likely would you recommend us": a whole number 0–10 as typed (spaces
/// around it allowed), or nullopt.
std::optional<int> ParseScore(std::string_view text);

/// The key a client is known by for the pause between invitations: a normalised phone number, or
/// a lower-cased e-mail address; nullopt when it is neither.
std::optional<std::string> ClientKey(std::string_view phone_or_email);

}  // namespace aantafel::core::feedback
