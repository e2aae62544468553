#include "core/whoiswho/model.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/enum_names.hpp"

namespace aantafel::core::whoiswho {

namespace {

constexpr std::array<std::pair<PositionKind, std::string_view>, 8> kKinds{{
    {PositionKind::kMayor, "mayor"},
    {PositionKind::kAlderman, "alderman"},
    {PositionKind::kCouncilMember, "council_member"},
    {PositionKind::kCitizenMember, "citizen_member"},
    {PositionKind::kClerk, "clerk"},
    {PositionKind::kMunicipalSecretary, "municipal_secretary"},
    {PositionKind::kPolicyAdviser, "policy_adviser"},
    {PositionKind::kPartnerRole, "partner_role"},
}};

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 9> kOrganisationKinds{{
    {OrganisationKind::kMunicipality, "municipality"},
    {OrganisationKind::kProvider, "provider"},
    {OrganisationKind::kCareCooperative, "care_cooperative"},
    {OrganisationKind::kHousingCorporation, "housing_corporation"},
    {OrganisationKind::kCareOffice, "care_office"},
    {OrganisationKind::kInsurer, "insurer"},
    {OrganisationKind::kSchool, "school"},
    {OrganisationKind::kOwn, "own"},
    {OrganisationKind::kOther, "other"},
}};

constexpr std::array<std::pair<Quadrant, std::string_view>, 4> kQuadrants{{
    {Quadrant::kManageClosely, "manage_closely"},
    {Quadrant::kKeepSatisfied, "keep_satisfied"},
    {Quadrant::kKeepInformed, "keep_informed"},
    {Quadrant::kMonitor, "monitor"},
}};

}  // namespace

std::string_view ToString(PositionKind kind) { return NameOf(kKinds, kind); }
std::optional<PositionKind> ParsePositionKind(std::string_view text) {
  return ValueOf(kKinds, text);
}
std::string_view ToString(OrganisationKind kind) { return NameOf(kOrganisationKinds, kind); }
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view text) {
  return ValueOf(kOrganisationKinds, text);
}

std::string NameKey(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Status CheckFacts(const MunicipalityFacts& facts) {
  FieldErrors errors;
  if (facts.inhabitants && (*facts.inhabitants < 0 || *facts.inhabitants > 100'000'000)) {
    errors.Add("inhabitants", FieldIssue::kInvalidFormat);
  }
  if (facts.total_seats && (*facts.total_seats < 1 || *facts.total_seats > 200)) {
    errors.Add("total_seats", FieldIssue::kInvalidFormat);
  }
  if (!facts.website.empty()) {
    const bool http = facts.website.starts_with("https://") || facts.website.starts_with("http://");
    const bool clean = std::none_of(facts.website.begin(), facts.website.end(), [](char c) {
      return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>';
    });
    if (facts.website.size() > 500) {
      errors.Add("website", FieldIssue::kTooLong, 500);
    } else if (!http || !clean) {
      errors.Add("website", FieldIssue::kInvalidFormat);
    }
  }
  if (facts.province.size() > 100) errors.Add("province", FieldIssue::kTooLong, 100);
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

bool ImportChanges(const Municipality& existing, const Municipality& incoming) {
  auto differs = [](const auto& known, const auto& given) { return given && given != known; };
  return existing.name != incoming.name || differs(existing.province, incoming.province) ||
         differs(existing.population, incoming.population) ||
         differs(existing.care_office_region, incoming.care_office_region) ||
         differs(existing.youth_region, incoming.youth_region);
}

bool IsMunicipalityCode(std::string_view code) {
  return code.size() == 6 && code.starts_with("GM") &&
         std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view ToString(Quadrant quadrant) { return NameOf(kQuadrants, quadrant); }
std::optional<Quadrant> ParseQuadrant(std::string_view text) { return ValueOf(kQuadrants, text); }

bool EndsWithCouncilTerm(PositionKind kind) {
  return kind == PositionKind::kAlderman || kind == PositionKind::kCouncilMember ||
         kind == PositionKind::kCitizenMember;
}

bool IsCurrent(const Position& position, CivilDate today) {
  return position.started_on <= today && (!position.ended_on || today <= *position.ended_on);
}

Status CheckPositionDates(CivilDate started_on, const std::optional<CivilDate>& ended_on) {
  if (ended_on && *ended_on < started_on)
    return Error::Field("ended_on", FieldIssue::kInvalidFormat);
  return Ok{};
}

std::vector<PositionEnding> EndOfTermEndings(const std::vector<Position>& positions,
                                             CivilDate installation) {
  const CivilDate last_day = installation.AddDays(-1);
  std::vector<PositionEnding> out;
  for (const Position& p : positions) {
    const bool open_on_installation = !p.ended_on || *p.ended_on >= installation;
    if (EndsWithCouncilTerm(p.kind) && p.started_on < installation && open_on_installation) {
      out.push_back({.position_id = p.id, .ended_on = last_day});
    }
  }
  return out;
}

std::vector<std::int64_t> NotYetMet(const std::vector<Position>& positions, CivilDate installation,
                                    const std::set<std::int64_t>& met) {
  std::vector<std::int64_t> out;
  for (const Position& p : positions) {
    if (!EndsWithCouncilTerm(p.kind) || p.started_on < installation) continue;
    if (met.contains(p.person_id)) continue;
    if (std::find(out.begin(), out.end(), p.person_id) == out.end()) out.push_back(p.person_id);
  }
  return out;
}

Status CheckScores(const Scores& scores) {
  FieldErrors errors;
  if (scores.power < 1 || scores.power > 5) errors.Add("power", FieldIssue::kInvalidChoice);
  if (scores.interest < 1 || scores.interest > 5)
    errors.Add("interest", FieldIssue::kInvalidChoice);
  if (scores.attitude < -2 || scores.attitude > 2)
    errors.Add("attitude", FieldIssue::kInvalidChoice);
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

Status CheckSeats(const std::vector<SeatCount>& seats) {
  constexpr std::size_t kMaxParties = 60;
  FieldErrors errors;
  if (seats.size() > kMaxParties) errors.Add("seats", FieldIssue::kTooLong, kMaxParties);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < seats.size() && errors.empty(); ++i) {
    const std::string field = "seats[" + std::to_string(i) + "]";
    const auto& s = seats[i];
    if (s.party.empty() || s.party.size() > 200)
      errors.Add(field + ".party", FieldIssue::kRequired);
    if (s.seats < 0 || s.seats > 200) errors.Add(field + ".seats", FieldIssue::kInvalidChoice);
    if (!seen.insert(s.party).second) errors.Add(field + ".party", FieldIssue::kDuplicate);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

std::pair<ScoreRange, ScoreRange> QuadrantRanges(Quadrant quadrant) {
  constexpr ScoreRange kHigh{.low = kHighScore, .high = 5};
  constexpr ScoreRange kLow{.low = 1, .high = kHighScore - 1};
  switch (quadrant) {
    case Quadrant::kManageClosely: return {kHigh, kHigh};
    case Quadrant::kKeepSatisfied: return {kHigh, kLow};
    case Quadrant::kKeepInformed: return {kLow, kHigh};
    case Quadrant::kMonitor: return {kLow, kLow};
  }
  return {kLow, kLow};
}

Quadrant Classify(int power, int interest) {
  const bool high_power = power >= kHighScore;
  const bool high_interest = interest >= kHighScore;
  if (high_power && high_interest) return Quadrant::kManageClosely;
  if (high_power) return Quadrant::kKeepSatisfied;
  if (high_interest) return Quadrant::kKeepInformed;
  return Quadrant::kMonitor;
}

}  // namespace aantafel::core::whoiswho
