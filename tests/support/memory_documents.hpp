#pragma once
// DocumentRepository in memory for the core unit tests, with the isolation rule of
// memory_rows.hpp, and a ContentSniffer that reports what the test says a file is.

#include <map>
#include <set>
#include <string>

#include "core/documents/ports.hpp"
#include "support/memory_rows.hpp"

namespace aantafel::testing {

class MemoryDocuments final : public core::documents::DocumentRepository {
 public:
  /// Records that exist, as (workspace, kind, id).
  std::set<std::tuple<std::int64_t, core::documents::RecordKind, std::int64_t>> records;

  bool RecordExists(std::int64_t ws, const core::documents::RecordRef& record) override {
    return records.contains({ws, record.kind, record.id});
  }
  core::documents::Document Add(std::int64_t ws, const core::documents::RecordRef& record,
                                const core::documents::NewVersion& first) override {
    core::documents::Document d{.record = record, .created_at = first.uploaded_at};
    d = rows_.Add(ws, d, ids_);
    Append(ws, d.id, first);
    return *Find(ws, d.id);
  }
  std::optional<core::documents::Document> AddVersion(
      std::int64_t ws, std::int64_t id, const core::documents::NewVersion& next) override {
    if (!rows_.Find(ws, id)) return std::nullopt;
    Append(ws, id, next);
    return Find(ws, id);
  }
  std::optional<core::documents::Document> Find(std::int64_t ws, std::int64_t id) override {
    return rows_.Find(ws, id);
  }
  std::vector<core::documents::Document> List(std::int64_t ws,
                                              const core::documents::RecordRef& record) override {
    std::vector<core::documents::Document> out;
    for (const auto& d : rows_.All(ws)) {
      if (d.record == record) out.insert(out.begin(), d);  // newest first
    }
    return out;
  }
  std::optional<core::documents::DocumentContent> Content(std::int64_t ws, std::int64_t id,
                                                          std::optional<int> version) override {
    auto d = rows_.Find(ws, id);
    if (!d) return std::nullopt;
    const int wanted = version.value_or(d->current().version);
    auto it = bytes_.find({id, wanted});
    if (it == bytes_.end()) return std::nullopt;
    for (const auto& v : d->versions) {
      if (v.version == wanted) {
        return core::documents::DocumentContent{
            .name = v.name, .content_type = v.content_type, .bytes = it->second};
      }
    }
    return std::nullopt;
  }
  bool Delete(std::int64_t ws, std::int64_t id) override { return rows_.Erase(ws, id); }

 private:
  void Append(std::int64_t ws, std::int64_t id, const core::documents::NewVersion& v) {
    auto* d = rows_.Mutable(ws, id);
    const int number = d->versions.empty() ? 1 : d->current().version + 1;
    d->versions.insert(
        d->versions.begin(),
        core::documents::DocumentVersion{.version = number,
                                         .name = v.name,
                                         .content_type = v.content_type,
                                         .size_bytes = static_cast<std::int64_t>(v.bytes.size()),
                                         .note = v.note,
                                         .uploaded_by = v.uploaded_by,
                                         .uploaded_at = v.uploaded_at});
    bytes_[{id, number}] = std::string(v.bytes);
  }

  WorkspaceRows<core::documents::Document> rows_;
  std::int64_t ids_ = 0;
  std::map<std::pair<std::int64_t, int>, std::string> bytes_;
};

/// Says a file is `type`, whatever its bytes.
class StubSniffer final : public core::documents::ContentSniffer {
 public:
  std::string type = "application/pdf";
  std::string Sniff(std::string_view /*bytes*/) override { return type; }
};

}  // namespace aantafel::testing
