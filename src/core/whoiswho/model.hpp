#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"

namespace aantafel::core::whoiswho {

/// What kind of organisation (glossary: organisatie).
enum class OrganisationKind {
  kMunicipality,
  kProvider,
  kCareCooperative,
  kHousingCorporation,
  kCareOffice,
  kInsurer,
  kSchool,
  kOwn,  ///< the workspace's own organisation
  kOther,
};

std::string_view ToString(OrganisationKind kind);
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view text);

/// Where a municipality's reference data comes from.
inline constexpr std::string_view kSourceRegister = "register";  ///< built in (decision 33)
inline constexpr std::string_view kSourceCbs = "cbs";            ///< aantafel import municipalities

/// A municipality as shared reference data (CBS code GMnnnn).
struct Municipality {
  std::string code;
  std::string name;
  std::optional<std::string> province;
  std::optional<std::int64_t> population;
  std::optional<std::string> care_office_region;  ///< zorgkantoorregio
  std::optional<std::string> youth_region;        ///< jeugdregio
  std::string source{kSourceCbs};
  std::optional<CivilDate> reference_date;  ///< the division the data describes
  std::optional<CivilDate> ended_on;        ///< last day, after a merger or split
  bool operator==(const Municipality&) const = default;
};

/// Whether importing `incoming` changes what is known of `existing`: a new name, or a fact
/// (province, inhabitants, regions) that the file gives and differs (an empty one keeps it).
bool ImportChanges(const Municipality& existing, const Municipality& incoming);

/// A municipality that came before or after another in a reorganisation (herindeling).
struct MunicipalityLink {
  std::string code;
  std::string name;
  CivilDate effective_on;  ///< first day of the new division
  bool operator==(const MunicipalityLink&) const = default;
};

/// The search and matching key of a person's name: ASCII letters in lower case.
std::string NameKey(std::string_view name);

/// Whether `code` looks like a CBS municipality code: "GM" and four digits.
bool IsMunicipalityCode(std::string_view code);

/// Seats one party holds in a council.
struct SeatCount {
  std::string party;
  int seats = 0;
  bool operator==(const SeatCount&) const = default;
};

/// Field errors for a seat distribution: parties named once, seats 0–200, at most 60 parties.
Status CheckSeats(const std::vector<SeatCount>& seats);

/// What the Overheidsalmanak says about a municipality, as a workspace last imported it.
struct MunicipalityFacts {
  std::optional<std::int64_t> inhabitants;
  std::optional<int> total_seats;  ///< seats in the council
  std::string website;             ///< http(s) address; empty when unknown
  std::string province;            ///< as the Almanak names it; empty when unknown
  bool operator==(const MunicipalityFacts&) const = default;
};

/// Field errors for facts: inhabitants 0–100,000,000, total seats 1–200, website an http(s)
/// address of at most 500 characters, province at most 100 characters.
Status CheckFacts(const MunicipalityFacts& facts);

/// An organisation in a workspace; a municipality links to the reference data by code.
struct Organisation {
  std::int64_t id = 0;
  OrganisationKind kind = OrganisationKind::kOther;
  std::string name;
  std::optional<std::string> municipality_code;
  std::vector<SeatCount> seats;  ///< current council seats (municipalities)
  MunicipalityFacts facts;       ///< municipalities: from the Almanak
};

/// A person. Email, phone and notes are personal data: encrypted at rest, exported and erased
/// on request. Name and positions are public-role data.
struct Person {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> notes;
  bool fictional = false;  ///< demo data, shown as fictional
  Instant created_at{};
  Instant updated_at{};
};

/// A position a person holds at an organisation (glossary: functie).
enum class PositionKind {
  kMayor,               ///< burgemeester
  kAlderman,            ///< wethouder, with portfolios
  kCouncilMember,       ///< raadslid, with party and committees
  kCitizenMember,       ///< burgerlid
  kClerk,               ///< griffier
  kMunicipalSecretary,  ///< gemeentesecretaris
  kPolicyAdviser,       ///< beleidsadviseur / ambtenaar, with domains
  kPartnerRole,         ///< a role at a partner organisation
};

std::string_view ToString(PositionKind kind);
std::optional<PositionKind> ParsePositionKind(std::string_view text);

/// Positions that belong to one council term and end when a newly elected council is installed.
bool EndsWithCouncilTerm(PositionKind kind);

/// A position over time. `ended_on` is the last day in office; empty while it lasts.
struct Position {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t organisation_id = 0;
  PositionKind kind = PositionKind::kPartnerRole;
  std::string title;
  std::string party;
  std::vector<std::string> portfolios;
  std::vector<std::string> domains;
  std::vector<std::string> committees;
  CivilDate started_on;
  std::optional<CivilDate> ended_on;
};

/// Whether the position is held on `today` (derived from dates, never stored).
bool IsCurrent(const Position& position, CivilDate today);

/// Checks that a position's dates make sense (ended_on not before started_on).
Status CheckPositionDates(CivilDate started_on, const std::optional<CivilDate>& ended_on);

/// A position closed by an election: the old council's last day is the day before installation.
struct PositionEnding {
  std::int64_t position_id = 0;
  CivilDate ended_on;
};

/// The positions of one municipality that the installation of a new council on `installation`
/// ends: council-term positions that started before that day and are still open on it.
std::vector<PositionEnding> EndOfTermEndings(const std::vector<Position>& positions,
                                             CivilDate installation);

/// People with a council-term position starting on or after `installation` whom nobody in the
/// workspace has met yet (`met`: person ids with a recorded meeting), in position order.
std::vector<std::int64_t> NotYetMet(const std::vector<Position>& positions, CivilDate installation,
                                    const std::set<std::int64_t>& met);

/// One council term of a municipality, as recorded by a workspace.
struct CouncilTerm {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::optional<CivilDate> election_date;
  CivilDate installation_date;
  std::vector<SeatCount> seats;
};

/// Scores of one dated stakeholder assessment.
struct Scores {
  int power = 3;     ///< invloed 1–5
  int interest = 3;  ///< belang 1–5
  int attitude = 0;  ///< houding −2 (against us) … +2 (for us)
};

/// Field errors for scores outside their ranges.
Status CheckScores(const Scores& scores);

/// One dated assessment of a person (history is kept).
struct Assessment {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  CivilDate assessed_on;
  Scores scores;
  std::string note;  ///< personal data: encrypted at rest
  Instant created_at{};
};

/// Mendelow's power/interest grid. A score of kHighScore or more counts as high.
enum class Quadrant { kManageClosely, kKeepSatisfied, kKeepInformed, kMonitor };

inline constexpr int kHighScore = 3;

Quadrant Classify(int power, int interest);

/// Inclusive score range, for queries that select one quadrant.
struct ScoreRange {
  int low = 1;
  int high = 5;
};

/// The power and interest ranges that fall into `quadrant` (the inverse of Classify).
std::pair<ScoreRange, ScoreRange> QuadrantRanges(Quadrant quadrant);
std::string_view ToString(Quadrant quadrant);
std::optional<Quadrant> ParseQuadrant(std::string_view text);

}  // namespace aantafel::core::whoiswho
