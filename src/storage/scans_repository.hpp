#pragma once

#include "core/field_cipher.hpp"
#include "core/scans/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// ScanRepository on SQL (both dialects); answer comments are sealed per workspace.
class SqlScanRepository final : public core::scans::ScanRepository {
 public:
  SqlScanRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  core::scans::Scan AddScan(std::int64_t ws, const core::scans::Scan& scan) override;
  bool UpdateScan(std::int64_t ws, const core::scans::Scan& scan) override;
  std::optional<core::scans::ScanSummary> FindScan(std::int64_t ws, std::int64_t id) override;
  std::vector<core::scans::ScanSummary> ListScans(std::int64_t ws) override;
  bool DeleteScan(std::int64_t ws, std::int64_t id) override;

  std::vector<core::scans::Respondent> AddRespondents(
      std::int64_t ws, const std::vector<core::scans::Respondent>& respondents,
      const std::vector<std::string>& token_hashes) override;
  std::vector<core::scans::Respondent> ListRespondents(std::int64_t ws,
                                                       std::int64_t scan_id) override;
  bool DeleteRespondent(std::int64_t ws, std::int64_t scan_id, std::int64_t respondent_id) override;

  std::optional<core::scans::LinkTarget> FindByTokenHash(const std::string& token_hash) override;
  std::vector<core::scans::Answer> AnswersOf(std::int64_t ws, std::int64_t respondent_id) override;
  void SaveAnswers(std::int64_t ws, std::int64_t respondent_id,
                   const std::vector<core::scans::Answer>& answers, core::Instant at) override;
  std::vector<core::scans::ScoredAnswer> ScoredAnswers(std::int64_t ws,
                                                       std::int64_t scan_id) override;
  std::vector<core::scans::StatementComment> Comments(std::int64_t ws,
                                                      std::int64_t scan_id) override;

  core::scans::ValueCase AddValueCase(std::int64_t ws, const core::scans::ValueCase& v) override;
  bool UpdateValueCase(std::int64_t ws, const core::scans::ValueCase& v) override;
  std::optional<core::scans::ValueCase> FindValueCase(std::int64_t ws, std::int64_t id) override;
  std::vector<core::scans::ValueCase> ListValueCases(std::int64_t ws) override;
  bool DeleteValueCase(std::int64_t ws, std::int64_t id) override;

 private:
  std::string Seal(const std::string& text, std::int64_t ws);
  std::string Open(const std::string& sealed, std::int64_t ws);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage
