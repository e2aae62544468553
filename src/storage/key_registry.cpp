#include "storage/key_registry.hpp"

namespace aantafel::storage {

std::vector<std::string> KnownKeyIds(Database& db) {
  auto lease = db.Acquire();
  std::vector<std::string> ids;
  for (const Row& r :
       lease->Query("SELECT key_id FROM data_key_ids ORDER BY created_at, key_id", {})) {
    ids.push_back(r.Text(0));
  }
  return ids;
}

void RememberKeyId(Database& db, const std::string& key_id, core::Instant now) {
  auto lease = db.Acquire();
  lease->Execute(
      "INSERT INTO data_key_ids (key_id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      {key_id, core::ToMillis(now)});
}

}  // namespace aantafel::storage
