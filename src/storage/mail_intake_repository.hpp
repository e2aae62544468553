#pragma once

#include "core/field_cipher.hpp"
#include "core/mail_intake/ports.hpp"
#include "storage/database.hpp"
#include "storage/documents_repository.hpp"
#include "storage/relations_repository.hpp"
#include "storage/whoiswho_repository.hpp"

namespace aantafel::storage {

/// MailIntakeRepository on SQL (both dialects). Filing writes the contact, its files and the
/// message key in one transaction through the relations and documents repositories, so a
/// message is either filed whole or not at all, and once per workspace.
class SqlMailIntakeRepository final : public core::mail_intake::MailIntakeRepository {
 public:
  SqlMailIntakeRepository(Database& db, core::FieldCipher& cipher,
                          SqlRelationsRepository& relations, SqlDocumentRepository& documents,
                          SqlWhoIsWhoRepository& whoiswho)
      : db_(db),
        cipher_(cipher),
        relations_(relations),
        documents_(documents),
        whoiswho_(whoiswho) {}

  std::optional<std::int64_t> FiledAs(std::int64_t ws, std::string_view key) override;
  std::vector<core::mail_intake::PersonMatch> MatchPeople(std::int64_t ws,
                                                          const std::vector<std::string>& addresses,
                                                          core::CivilDate today) override;
  std::vector<core::accounts::WorkspaceAccess> SenderAccess(std::string_view address) override;
  std::vector<core::mail_intake::MemberMatch> MatchMembers(
      std::int64_t ws, const std::vector<std::string>& addresses) override;
  Stored File(std::int64_t ws, const core::mail_intake::Filing& filing) override;
  Stored AddReview(std::int64_t ws, const core::mail_intake::MailReview& review) override;
  std::optional<std::int64_t> InReview(std::int64_t ws, std::string_view key) override;
  std::vector<core::mail_intake::MailReview> Reviews(std::int64_t ws, std::size_t limit) override;
  std::size_t CountReviews(std::int64_t ws) override;
  std::optional<core::mail_intake::MailReview> Review(std::int64_t ws, std::int64_t id) override;
  bool DeleteReview(std::int64_t ws, std::int64_t id) override;

 private:
  Database& db_;
  core::FieldCipher& cipher_;
  SqlRelationsRepository& relations_;
  SqlDocumentRepository& documents_;
  SqlWhoIsWhoRepository& whoiswho_;
};

}  // namespace aantafel::storage
