#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scans/model.hpp"
#include "core/scans/value_case.hpp"

namespace aantafel::core::scans {

/// A scan with how far it has got.
struct ScanSummary {
  Scan scan;
  int invited = 0;
  int answered = 0;
};

/// A respondent found by link, with the scan it belongs to.
struct LinkTarget {
  std::int64_t workspace_id = 0;
  Scan scan;
  Respondent respondent;
  bool revoked = false;
};

/// A comment as stored (opened), for the results page: never with who wrote it.
struct StatementComment {
  std::string statement_id;
  std::string text;
};

/// Port: scans, respondents, answers and value cases. Every staff call names the workspace;
/// comments are sealed and opened by the implementation.
class ScanRepository {
 public:
  virtual ~ScanRepository() = default;

  virtual Scan AddScan(std::int64_t ws, const Scan& scan) = 0;
  virtual bool UpdateScan(std::int64_t ws, const Scan& scan) = 0;
  virtual std::optional<ScanSummary> FindScan(std::int64_t ws, std::int64_t id) = 0;
  /// Newest first.
  virtual std::vector<ScanSummary> ListScans(std::int64_t ws) = 0;
  virtual bool DeleteScan(std::int64_t ws, std::int64_t id) = 0;

  /// Stores respondents with the SHA-256 of their link secrets (same order), in one transaction.
  virtual std::vector<Respondent> AddRespondents(std::int64_t ws,
                                                 const std::vector<Respondent>& respondents,
                                                 const std::vector<std::string>& token_hashes) = 0;
  virtual std::vector<Respondent> ListRespondents(std::int64_t ws, std::int64_t scan_id) = 0;
  /// Deletes the respondent and their answers.
  virtual bool DeleteRespondent(std::int64_t ws, std::int64_t scan_id,
                                std::int64_t respondent_id) = 0;

  virtual std::optional<LinkTarget> FindByTokenHash(const std::string& token_hash) = 0;
  virtual std::vector<Answer> AnswersOf(std::int64_t ws, std::int64_t respondent_id) = 0;
  /// Replaces all of a respondent's answers and marks the submission, in one transaction.
  virtual void SaveAnswers(std::int64_t ws, std::int64_t respondent_id,
                           const std::vector<Answer>& answers, Instant at) = 0;
  virtual std::vector<ScoredAnswer> ScoredAnswers(std::int64_t ws, std::int64_t scan_id) = 0;
  virtual std::vector<StatementComment> Comments(std::int64_t ws, std::int64_t scan_id) = 0;

  virtual ValueCase AddValueCase(std::int64_t ws, const ValueCase& value_case) = 0;
  virtual bool UpdateValueCase(std::int64_t ws, const ValueCase& value_case) = 0;
  virtual std::optional<ValueCase> FindValueCase(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<ValueCase> ListValueCases(std::int64_t ws) = 0;
  virtual bool DeleteValueCase(std::int64_t ws, std::int64_t id) = 0;
};

}  // namespace aantafel::core::scans
