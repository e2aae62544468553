#include "storage/mail_intake_repository.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/validation.hpp"

namespace aantafel::storage {

using core::ToMillis;
using namespace core::mail_intake;

namespace {
namespace sql {

constexpr const char* kFiledAs =
    "SELECT interaction_id FROM mail_filings WHERE workspace_id = $1 AND message_key = $2";
constexpr const char* kInsertFiling =
    "INSERT INTO mail_filings (workspace_id, message_key, interaction_id, filed_at) "
    "VALUES ($1, $2, $3, $4)";
constexpr const char* kCurrentOrganisations =
    "SELECT DISTINCT organisation_id FROM positions WHERE workspace_id = $1 AND person_id = $2 "
    "AND started_on <= $3 AND (ended_on IS NULL OR ended_on >= $3) ORDER BY organisation_id";
constexpr const char* kMembers =
    "SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id "
    "WHERE m.workspace_id = $1";

}  // namespace sql
}  // namespace

std::optional<std::int64_t> SqlMailIntakeRepository::FiledAs(std::int64_t ws,
                                                             std::string_view key) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kFiledAs, {ws, std::string(key)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<PersonMatch> SqlMailIntakeRepository::MatchPeople(
    std::int64_t ws, const std::vector<std::string>& addresses, core::CivilDate today) {
  const std::set<std::string> wanted(addresses.begin(), addresses.end());
  std::vector<PersonMatch> out;
  // Addresses are sealed at rest, so they are compared after opening, in memory.
  for (const auto& person : whoiswho_.PeopleWithEmail(ws)) {
    const std::string address = core::LowerAscii(core::TrimAscii(person.email.value_or("")));
    if (wanted.contains(address)) {
      out.push_back({.address = address, .person_id = person.id, .name = person.name});
    }
  }
  if (out.empty()) return out;
  auto lease = db_.Acquire();
  const std::string day = today.ToString();
  for (auto& match : out) {
    for (const Row& r : lease->Query(sql::kCurrentOrganisations, {ws, match.person_id, day})) {
      match.organisation_ids.push_back(r.Int(0));
    }
  }
  // In the order of the message's addresses.
  std::map<std::string, std::size_t> order;
  for (std::size_t n = 0; n < addresses.size(); ++n) order.try_emplace(addresses[n], n);
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return order[a.address] < order[b.address];
  });
  return out;
}

std::vector<MemberMatch> SqlMailIntakeRepository::MatchMembers(
    std::int64_t ws, const std::vector<std::string>& addresses) {
  const std::set<std::string> wanted(addresses.begin(), addresses.end());
  std::vector<MemberMatch> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kMembers, {ws})) {
    const std::string address = core::LowerAscii(r.Text(1));
    if (wanted.contains(address)) out.push_back({.address = address, .user_id = r.Int(0)});
  }
  return out;
}

SqlMailIntakeRepository::Stored SqlMailIntakeRepository::File(std::int64_t ws,
                                                              const Filing& filing) {
  try {
    return db_.Transaction([&](Connection& c) -> Stored {
      if (const auto row = c.QueryOne(sql::kFiledAs, {ws, filing.key})) {
        return {.interaction_id = row->Int(0), .first = false};
      }
      const auto contact = relations_.InsertInteraction(c, ws, filing.interaction);
      const core::documents::RecordRef record{.kind = core::documents::RecordKind::kInteraction,
                                              .id = contact.id};
      for (const auto& file : filing.files) documents_.InsertDocument(c, ws, record, file);
      c.Execute(sql::kInsertFiling,
                {ws, filing.key, contact.id, ToMillis(filing.interaction.created_at)});
      return {.interaction_id = contact.id, .first = true};
    });
  } catch (const StorageError& e) {
    // Another reader filed the same message between our check and our insert: theirs stands.
    if (e.kind() != StorageError::Kind::kUniqueViolation) throw;
    if (auto filed = FiledAs(ws, filing.key)) return {.interaction_id = *filed, .first = false};
    throw;
  }
}

}  // namespace aantafel::storage
