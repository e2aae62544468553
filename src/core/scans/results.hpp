#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scans/model.hpp"

namespace aantafel::core::scans {

/// Fewer respondents than this and a group's scores are not shown: an organisation's, or the
/// whole scan's.
inline constexpr int kMinRespondentsShown = 3;

/// Scores of one statement (or dimension) within one group of respondents.
struct Score {
  int respondents = 0;  ///< respondents in the group who answered the statement with a score
  int dont_know = 0;    ///< of the group, answered "weet niet"
  std::optional<double> mean;
};

struct OrganisationScore {
  std::string organisation;
  int respondents = 0;  ///< of the organisation who answered anything
  bool shown = false;   ///< respondents ≥ kMinRespondentsShown
  Score score;          ///< empty when not shown
};

struct StatementResult {
  std::string statement_id;
  std::string dimension_id;
  Score overall;
  std::optional<double> spread;  ///< population standard deviation of all scores (n ≥ 2)
  /// Highest minus lowest mean among the shown organisations (at least two shown).
  std::optional<double> organisation_difference;
  std::vector<OrganisationScore> organisations;  ///< by name
};

struct DimensionResult {
  std::string dimension_id;
  std::optional<double> overall;  ///< mean of its statements' means
  std::vector<std::pair<std::string, std::optional<double>>> organisations;  ///< shown ones
};

/// Everything the results page shows. When fewer than kMinRespondentsShown respondents answered,
/// `shown` is false and only the counts are filled in.
struct ScanResults {
  int respondents = 0;  ///< who answered anything
  bool shown = false;
  std::vector<OrganisationScore> organisations;  ///< counts per organisation (score left empty)
  std::vector<StatementResult> statements;       ///< template order
  std::vector<DimensionResult> dimensions;       ///< template order
  /// Statement ids where partners differ most, largest gap first (see RankGaps).
  std::vector<std::string> gaps;
  /// Statement ids with the lowest overall mean, lowest first (at most `weakest_count`).
  std::vector<std::string> weakest;
};

/// Computes the results of one scan's answers against its template. Answers to statements the
/// template does not have are ignored. Deterministic: ties keep template order.
ScanResults ComputeResults(const Template& tmpl, const std::vector<ScoredAnswer>& answers,
                           std::size_t weakest_count = 3);

/// The gap ranking: when at least two organisations are shown, statements by the difference
/// between organisation means (then spread); otherwise by the spread of all scores. Statements
/// with fewer than two scores, or without any difference, are left out.
std::vector<std::string> RankGaps(const std::vector<StatementResult>& statements);

/// A dimension's overall score now and in the scan it repeats.
struct DimensionChange {
  std::string dimension_id;
  std::optional<double> before;
  std::optional<double> now;
  std::optional<double> change;  ///< now − before when both are known
};

/// Change per dimension between two results of the same template (hidden results count as
/// unknown).
std::vector<DimensionChange> CompareResults(const Template& tmpl, const ScanResults& before,
                                            const ScanResults& now);

}  // namespace aantafel::core::scans
