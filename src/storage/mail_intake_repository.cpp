#include "storage/mail_intake_repository.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/validation.hpp"

namespace aantafel::storage {

using core::FromMillis;
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
constexpr const char* kInsertReview =
    "INSERT INTO mail_reviews (workspace_id, message_key, forwarded_by, received_at, sent_at, "
    "summary_sealed, message_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kInReview =
    "SELECT id FROM mail_reviews WHERE workspace_id = $1 AND message_key = $2";
#define REVIEW_COLUMNS                                                                    \
  "r.id, r.message_key, r.forwarded_by, COALESCE(u.name, ''), r.received_at, r.sent_at, " \
  "r.summary_sealed"
// Newest first; the sealed message is not read for a list.
constexpr const char* kReviews = "SELECT " REVIEW_COLUMNS
                                 " FROM mail_reviews r LEFT JOIN users u ON u.id = r.forwarded_by "
                                 "WHERE r.workspace_id = $1 ORDER BY r.received_at DESC, r.id DESC "
                                 "LIMIT $2";
constexpr const char* kReview =
    "SELECT " REVIEW_COLUMNS
    ", r.message_sealed FROM mail_reviews r LEFT JOIN users u ON u.id = r.forwarded_by "
    "WHERE r.workspace_id = $1 AND r.id = $2";
#undef REVIEW_COLUMNS
constexpr const char* kCountReviews = "SELECT COUNT(*) FROM mail_reviews WHERE workspace_id = $1";
constexpr const char* kDeleteReview =
    "DELETE FROM mail_reviews WHERE workspace_id = $1 AND id = $2";
constexpr const char* kSenderAccess =
    "SELECT w.id, w.slug, w.name, m.role, u.id FROM users u "
    "JOIN memberships m ON m.user_id = u.id JOIN workspaces w ON w.id = m.workspace_id "
    "WHERE u.email = $1 ORDER BY w.id";
constexpr const char* kMembers =
    "SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id "
    "WHERE m.workspace_id = $1";

}  // namespace sql

std::string SummaryContext(std::int64_t ws) {
  return "mail_review.summary/ws:" + std::to_string(ws);
}
// The row is part of the context: a sealed message copied to another row does not open.
std::string MessageContext(std::int64_t ws, std::string_view key) {
  return "mail_review.message/ws:" + std::to_string(ws) + "/" + std::string(key);
}

/// What a waiting message says, as one sealed JSON text.
std::string SummaryOf(const MailReview& review) {
  nlohmann::json summary{{"subject", review.subject},
                         {"preview", review.preview},
                         {"files", review.files},
                         {"addresses", nlohmann::json::array()}};
  summary["from"] = review.from ? nlohmann::json::array({review.from->name, review.from->address})
                                : nlohmann::json();
  for (const auto& a : review.addresses) {
    summary["addresses"].push_back(nlohmann::json::array({a.name, a.address}));
  }
  // Text from a message may hold broken UTF-8: replaced, never a reason to fail.
  return summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

MailAddress AddressFrom(const nlohmann::json& pair) {
  return {.name = pair.at(0).get<std::string>(), .address = pair.at(1).get<std::string>()};
}

/// A waiting message from a row of kReviews (and kReview: its message as column 7).
MailReview ReviewFrom(const Row& r, std::int64_t ws, core::FieldCipher& cipher) {
  MailReview review{.id = r.Int(0),
                    .key = r.Text(1),
                    .forwarded_by = r.IsNull(2) ? std::nullopt : std::optional(r.Int(2)),
                    .forwarded_by_name = r.Text(3),
                    .received_at = FromMillis(r.Int(4)),
                    .sent_at = r.IsNull(5) ? std::nullopt : std::optional(FromMillis(r.Int(5)))};
  const auto text = cipher.Open(r.Text(6), SummaryContext(ws));
  if (text) {
    const auto summary = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (summary.is_object()) {
      review.subject = summary.value("subject", "");
      review.preview = summary.value("preview", "");
      if (summary.contains("files"))
        review.files = summary["files"].get<std::vector<std::string>>();
      if (summary.contains("from") && summary["from"].is_array()) {
        review.from = AddressFrom(summary["from"]);
      }
      if (summary.contains("addresses")) {
        for (const auto& pair : summary["addresses"]) review.addresses.push_back(AddressFrom(pair));
      }
    }
  }
  if (r.size() > 7)
    review.raw = cipher.Open(r.Text(7), MessageContext(ws, review.key)).value_or("");
  return review;
}

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

std::vector<core::accounts::WorkspaceAccess> SqlMailIntakeRepository::SenderAccess(
    std::string_view address) {
  std::vector<core::accounts::WorkspaceAccess> out;
  auto lease = db_.Acquire();
  // Account addresses are stored normalised (lower case).
  for (const Row& r : lease->Query(sql::kSenderAccess, {std::string(address)})) {
    out.push_back(
        {.workspace = {.id = r.Int(0), .slug = r.Text(1), .name = r.Text(2)},
         .role = core::accounts::ParseRole(r.Text(3)).value_or(core::accounts::Role::kViewer),
         .user_id = r.Int(4)});
  }
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
        return {.id = row->Int(0), .first = false};
      }
      const auto contact = relations_.InsertInteraction(c, ws, filing.interaction);
      const core::documents::RecordRef record{.kind = core::documents::RecordKind::kInteraction,
                                              .id = contact.id};
      for (const auto& file : filing.files) documents_.InsertDocument(c, ws, record, file);
      c.Execute(sql::kInsertFiling,
                {ws, filing.key, contact.id, ToMillis(filing.interaction.created_at)});
      if (filing.review_id) c.Execute(sql::kDeleteReview, {ws, *filing.review_id});
      return {.id = contact.id, .first = true};
    });
  } catch (const StorageError& e) {
    // Another reader filed the same message between our check and our insert: theirs stands.
    if (e.kind() != StorageError::Kind::kUniqueViolation) throw;
    if (auto filed = FiledAs(ws, filing.key)) return {.id = *filed, .first = false};
    throw;
  }
}

SqlMailIntakeRepository::Stored SqlMailIntakeRepository::AddReview(std::int64_t ws,
                                                                   const MailReview& review) {
  const auto summary = cipher_.Seal(SummaryOf(review), SummaryContext(ws));
  const auto message = cipher_.Seal(review.raw, MessageContext(ws, review.key));
  try {
    auto lease = db_.Acquire();
    const auto row = lease->QueryOne(
        sql::kInsertReview,
        {ws, review.key, OptionalInt(review.forwarded_by), ToMillis(review.received_at),
         review.sent_at ? Value(ToMillis(*review.sent_at)) : Value(nullptr), summary, message});
    return {.id = row->Int(0), .first = true};
  } catch (const StorageError& e) {
    // The same message was put in review meanwhile (read again by another reader).
    if (e.kind() != StorageError::Kind::kUniqueViolation) throw;
    if (auto waiting = InReview(ws, review.key)) return {.id = *waiting, .first = false};
    throw;
  }
}

std::optional<std::int64_t> SqlMailIntakeRepository::InReview(std::int64_t ws,
                                                              std::string_view key) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kInReview, {ws, std::string(key)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<MailReview> SqlMailIntakeRepository::Reviews(std::int64_t ws, std::size_t limit) {
  auto lease = db_.Acquire();
  std::vector<MailReview> out;
  for (const Row& r : lease->Query(sql::kReviews, {ws, static_cast<std::int64_t>(limit)})) {
    out.push_back(ReviewFrom(r, ws, cipher_));
  }
  return out;
}

std::size_t SqlMailIntakeRepository::CountReviews(std::int64_t ws) {
  auto lease = db_.Acquire();
  return static_cast<std::size_t>(lease->QueryOne(sql::kCountReviews, {ws})->Int(0));
}

std::optional<MailReview> SqlMailIntakeRepository::Review(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kReview, {ws, id});
  if (!row) return std::nullopt;
  return ReviewFrom(*row, ws, cipher_);
}

bool SqlMailIntakeRepository::DeleteReview(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteReview, {ws, id}) > 0;
}

}  // namespace aantafel::storage
