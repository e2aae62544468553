#pragma once
// Records of one kind kept per workspace, for the in-memory repositories of the core unit tests
// (memory_whoiswho.hpp, memory_relations.hpp). The one isolation rule of every port lives here:
// a record of another workspace is "not found", cannot be replaced and cannot be erased.

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace aantafel::testing {

template <typename T>
class WorkspaceRows {
 public:
  /// Stores a copy under the next id of `ids` (one counter per fake, as one database sequence
  /// space) and returns it with that id.
  T Add(std::int64_t ws, const T& record, std::int64_t& ids) {
    T stored = record;
    stored.id = ++ids;
    rows_[stored.id] = {ws, stored};
    return stored;
  }
  /// Replaces the record with `record.id` when it belongs to `ws`.
  bool Replace(std::int64_t ws, const T& record) {
    T* found = Mutable(ws, record.id);
    if (found == nullptr) return false;
    *found = record;
    return true;
  }
  [[nodiscard]] std::optional<T> Find(std::int64_t ws, std::int64_t id) const {
    auto it = rows_.find(id);
    if (it == rows_.end() || it->second.first != ws) return std::nullopt;
    return it->second.second;
  }
  /// The stored record for changing it in place, or nullptr when `ws` has no such record.
  T* Mutable(std::int64_t ws, std::int64_t id) {
    auto it = rows_.find(id);
    if (it == rows_.end() || it->second.first != ws) return nullptr;
    return &it->second.second;
  }
  bool Erase(std::int64_t ws, std::int64_t id) {
    auto it = rows_.find(id);
    if (it == rows_.end() || it->second.first != ws) return false;
    rows_.erase(it);
    return true;
  }
  /// Erases every record of `ws` for which `doomed(record)` holds.
  template <typename Predicate>
  void EraseIf(std::int64_t ws, Predicate doomed) {
    std::erase_if(rows_, [&](const auto& entry) {
      return entry.second.first == ws && doomed(entry.second.second);
    });
  }
  /// The records of `ws` in id order (the order they were added).
  [[nodiscard]] std::vector<T> All(std::int64_t ws) const {
    std::vector<T> out;
    for (const auto& [id, row] : rows_) {
      if (row.first == ws) out.push_back(row.second);
    }
    return out;
  }

 private:
  std::map<std::int64_t, std::pair<std::int64_t, T>> rows_;  // id → (workspace, record)
};

}  // namespace aantafel::testing
