#pragma once
// An in-memory store of Raadsinformatie for unit tests of core services (see memory_whoiswho.hpp):
// the meetings and topics a workspace reads, and its webhook with what was delivered to it. The
// parts of the council port the sync uses are left simple (the sync has its own fake in
// core/council/sync_test.cpp).

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "core/council/ports.hpp"

namespace aantafel::testing {

class MemoryCouncil final : public core::council::CouncilRepository,
                            public core::council::WebhookRepository {
 public:
  using Instant = core::Instant;

  /// The meetings of the councils each workspace follows, with their agenda, documents, motions.
  std::map<std::int64_t, std::vector<core::council::MeetingDetail>> meetings;
  std::map<std::int64_t, std::vector<core::council::Topic>> topics;
  std::map<std::int64_t, std::string> slugs;
  /// When set, SaveWebhookDelivery throws once (as a crash between the answer and the write).
  bool fail_next_delivery_write = false;

  // ---- what CouncilService reads ----
  std::vector<core::council::MeetingView> Meetings(
      std::int64_t ws, const core::council::MeetingQuery& query) override {
    std::vector<core::council::MeetingView> out;
    for (const auto& d : meetings[ws]) {
      const auto& at = d.meeting.meeting.starts_at;
      if (query.from && (!at || *at < *query.from)) continue;
      if (query.to && (!at || *at >= *query.to)) continue;
      out.push_back(d.meeting);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(a.meeting.starts_at, a.id) < std::tie(b.meeting.starts_at, b.id);
    });
    if (out.size() > static_cast<std::size_t>(query.limit)) {
      out.resize(static_cast<std::size_t>(query.limit));
    }
    return out;
  }
  std::optional<core::council::MeetingDetail> FindMeeting(std::int64_t ws,
                                                          std::int64_t id) override {
    for (const auto& d : meetings[ws]) {
      if (d.meeting.id == id) return d;
    }
    return std::nullopt;
  }
  std::vector<core::council::Topic> Topics(std::int64_t ws) override { return topics[ws]; }

  // ---- the webhook ----
  std::optional<core::council::Webhook> FindWebhook(std::int64_t ws) override {
    const auto it = webhooks_.find(ws);
    return it == webhooks_.end() ? std::nullopt : std::optional(it->second);
  }
  std::int64_t SaveWebhook(std::int64_t ws, const core::council::Webhook& webhook) override {
    DeleteWebhook(ws);
    auto stored = webhook;
    stored.id = ++last_id_;
    webhooks_[ws] = stored;
    return stored.id;
  }
  bool DeleteWebhook(std::int64_t ws) override {
    const auto it = webhooks_.find(ws);
    if (it == webhooks_.end()) return false;
    deliveries_.erase(it->second.id);
    webhooks_.erase(it);
    return true;
  }
  void SaveWebhookState(std::int64_t id, const core::council::Webhook& s) override {
    for (auto& [ws, w] : webhooks_) {
      if (w.id != id) continue;
      w.last_attempt_at = s.last_attempt_at;
      w.last_status = s.last_status;
      w.last_error = s.last_error;
      w.last_success_at = s.last_success_at;
      w.failures = s.failures;
      w.failing_since = s.failing_since;
      w.retry_at = s.retry_at;
    }
  }
  std::vector<core::council::DueWebhook> DueWebhooks(Instant now) override {
    std::vector<core::council::DueWebhook> out;
    for (const auto& [ws, w] : webhooks_) {
      if (!w.retry_at || *w.retry_at <= now) out.push_back({ws, slugs[ws], w});
    }
    return out;
  }
  std::vector<core::council::WebhookDelivery> WebhookDeliveries(std::int64_t webhook_id) override {
    std::vector<core::council::WebhookDelivery> out;
    for (const auto& [key, fingerprint] : deliveries_[webhook_id]) {
      out.push_back({key.first, key.second, fingerprint});
    }
    return out;
  }
  void SaveWebhookDelivery(std::int64_t webhook_id, std::int64_t,
                           const core::council::WebhookDelivery& d, Instant) override {
    if (fail_next_delivery_write) {
      fail_next_delivery_write = false;
      throw std::runtime_error("the process stopped before the delivery was noted");
    }
    if (std::none_of(webhooks_.begin(), webhooks_.end(),
                     [&](const auto& w) { return w.second.id == webhook_id; })) {
      return;
    }
    deliveries_[webhook_id][{d.topic_id, d.meeting_id}] = d.fingerprint;
  }
  void ForgetWebhookDelivery(std::int64_t webhook_id, std::int64_t topic_id,
                             std::int64_t meeting_id) override {
    deliveries_[webhook_id].erase({topic_id, meeting_id});
  }

  // ---- not used by these services ----
  void SaveStatus(const core::council::StatusList&, Instant) override {}
  std::optional<Instant> StatusCheckedAt() override { return std::nullopt; }
  std::vector<core::council::CouncilSource> SourcesByCbsCode(
      const std::vector<std::string>&) override {
    return {};
  }
  std::optional<core::council::CouncilSource> FindSource(const std::string&) override {
    return std::nullopt;
  }
  std::optional<core::council::SyncState> FindSyncState(const std::string&) override {
    return std::nullopt;
  }
  void SaveSyncState(const core::council::SyncState&) override {}
  core::council::ApplyReport ApplyPage(const std::vector<core::council::ExportRecord>&,
                                       const core::council::SyncState&) override {
    return {};
  }
  void ForgetSource(const std::string&) override {}
  bool AddFollow(std::int64_t, const std::string&, const std::string&, Instant) override {
    return false;
  }
  bool RemoveFollow(std::int64_t, const std::string&) override { return false; }
  std::vector<core::council::Follow> Follows(std::int64_t) override { return {}; }
  std::vector<std::string> FollowedKeys() override { return {}; }
  std::vector<std::string> UnfollowedKeys() override { return {}; }
  std::vector<std::string> WorkspaceMunicipalities(std::int64_t) override { return {}; }
  std::vector<core::council::SearchHit> Search(std::int64_t,
                                               const core::council::SearchQuery&) override {
    return {};
  }
  std::vector<core::council::PendingText> PendingTexts(int) override { return {}; }
  void SaveDocumentText(const core::council::PendingText&, const std::optional<std::string>&,
                        Instant) override {}
  void NoteTextFailure(std::int64_t, Instant) override {}
  std::optional<std::int64_t> AddTopic(std::int64_t, const core::council::Topic&) override {
    return std::nullopt;
  }
  std::optional<bool> UpdateTopic(std::int64_t, const core::council::Topic&) override {
    return false;
  }
  bool DeleteTopic(std::int64_t, std::int64_t) override { return false; }
  std::vector<core::council::NameUse> NamesInCouncil(const std::string&) override { return {}; }
  std::vector<core::council::LinkDecision> LinkDecisions(std::int64_t,
                                                         const std::string&) override {
    return {};
  }
  void SaveLinkDecision(std::int64_t, const std::string&, const core::council::LinkDecision&,
                        std::int64_t, Instant) override {}
  bool DeleteLinkDecision(std::int64_t, const std::string&, const std::string&,
                          std::int64_t) override {
    return false;
  }
  std::vector<core::council::NameRecord> RecordsOfNames(const std::string&,
                                                        const std::vector<std::string>&,
                                                        int) override {
    return {};
  }

 private:
  std::map<std::int64_t, core::council::Webhook> webhooks_;
  std::map<std::int64_t, std::map<std::pair<std::int64_t, std::int64_t>, std::string>> deliveries_;
  std::int64_t last_id_ = 0;
};

}  // namespace aantafel::testing
