#pragma once
// An in-memory repository of Contacten en afspraken for unit tests of core services (see
// memory_whoiswho.hpp): per workspace, sorted as the port documents, without a database.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>
#include <vector>

#include "core/relations/ports.hpp"
#include "memory_rows.hpp"

namespace aantafel::testing {

class MemoryRelations final : public core::relations::RelationsRepository {
 public:
  using Interaction = core::relations::Interaction;
  using FollowUp = core::relations::FollowUp;
  using Agreement = core::relations::Agreement;
  using ContactStats = core::relations::ContactStats;

  /// Members per workspace (IsMember) and plans per workspace (PlanExists), set by the test.
  std::set<std::pair<std::int64_t, std::int64_t>> members;
  std::set<std::pair<std::int64_t, std::int64_t>> plans;

  Interaction AddInteraction(std::int64_t ws, const Interaction& interaction) override {
    return interactions_.Add(ws, interaction, next_id_);
  }
  bool UpdateInteraction(std::int64_t ws, const Interaction& interaction) override {
    return interactions_.Replace(ws, interaction);
  }
  std::optional<Interaction> FindInteraction(std::int64_t ws, std::int64_t id) override {
    return interactions_.Find(ws, id);
  }
  std::vector<Interaction> ListInteractions(
      std::int64_t ws, const core::relations::InteractionQuery& query) override {
    std::vector<Interaction> out;
    for (const auto& i : Newest(ws)) {
      if (query.organisation_id && i.organisation_id != query.organisation_id) continue;
      if (query.person_id && !Contains(i.person_ids, *query.person_id)) continue;
      if (query.from && i.occurred_at < *query.from) continue;
      if (query.until && i.occurred_at >= *query.until) continue;
      out.push_back(i);
    }
    const auto from = std::min(static_cast<std::size_t>(query.offset), out.size());
    const auto to = std::min(from + static_cast<std::size_t>(query.limit), out.size());
    return {out.begin() + static_cast<std::ptrdiff_t>(from),
            out.begin() + static_cast<std::ptrdiff_t>(to)};
  }
  std::vector<Interaction> NewestInteractions(std::int64_t ws, std::int64_t limit) override {
    auto out = Newest(ws);
    for (auto& i : out) {
      i.person_ids.clear();
      i.staff_ids.clear();
    }
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
  }
  bool DeleteInteraction(std::int64_t ws, std::int64_t id) override {
    return interactions_.Erase(ws, id);
  }

  FollowUp AddFollowUp(std::int64_t ws, const FollowUp& follow_up) override {
    return follow_ups_.Add(ws, follow_up, next_id_);
  }
  bool UpdateFollowUp(std::int64_t ws, const FollowUp& follow_up) override {
    return follow_ups_.Replace(ws, follow_up);
  }
  std::optional<FollowUp> FindFollowUp(std::int64_t ws, std::int64_t id) override {
    return follow_ups_.Find(ws, id);
  }
  std::vector<FollowUp> ListFollowUps(std::int64_t ws, bool open_only) override {
    std::vector<FollowUp> out;
    for (const auto& f : follow_ups_.All(ws)) {
      if (!open_only || !f.done_at) out.push_back(f);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
    return out;
  }
  bool DeleteFollowUp(std::int64_t ws, std::int64_t id) override {
    return follow_ups_.Erase(ws, id);
  }

  Agreement AddAgreement(std::int64_t ws, const Agreement& agreement) override {
    return agreements_.Add(ws, agreement, next_id_);
  }
  bool UpdateAgreement(std::int64_t ws, const Agreement& agreement, bool status_changed) override {
    auto stored = agreements_.Find(ws, agreement.id);
    if (!stored) return false;
    Agreement next = agreement;
    next.history = stored->history;  // the store appends; it never takes the caller's history
    if (status_changed) next.history.push_back(agreement.history.back());
    return agreements_.Replace(ws, next);
  }
  std::optional<Agreement> FindAgreement(std::int64_t ws, std::int64_t id) override {
    return agreements_.Find(ws, id);
  }
  std::vector<Agreement> ListAgreements(std::int64_t ws,
                                        std::optional<std::int64_t> organisation_id) override {
    std::vector<Agreement> out;
    for (const auto& a : agreements_.All(ws)) {
      if (!organisation_id || Contains(a.organisation_ids, *organisation_id)) out.push_back(a);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
    return out;
  }
  bool DeleteAgreement(std::int64_t ws, std::int64_t id) override {
    return agreements_.Erase(ws, id);
  }

  bool PlanExists(std::int64_t ws, std::int64_t plan_id) override {
    return plans.contains({ws, plan_id});
  }
  bool IsMember(std::int64_t ws, std::int64_t user_id) override {
    return members.contains({ws, user_id});
  }
  std::map<std::int64_t, ContactStats> PersonStats(std::int64_t ws,
                                                   std::span<const std::int64_t> people,
                                                   core::Instant since,
                                                   core::Instant until) override {
    std::map<std::int64_t, ContactStats> out;
    for (const auto& i : interactions_.All(ws)) {
      if (i.occurred_at > until) continue;
      for (const std::int64_t id : i.person_ids) {
        if (std::find(people.begin(), people.end(), id) != people.end()) {
          Count(out[id], i, since);
        }
      }
    }
    return out;
  }
  ContactStats OrganisationStats(std::int64_t ws, std::int64_t organisation_id, core::Instant since,
                                 core::Instant until) override {
    ContactStats stats;
    for (const auto& i : interactions_.All(ws)) {
      if (i.organisation_id == organisation_id && i.occurred_at <= until) Count(stats, i, since);
    }
    return stats;
  }

 private:
  static bool Contains(const std::vector<std::int64_t>& list, std::int64_t id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  }
  static void Count(ContactStats& stats, const Interaction& i, core::Instant since) {
    if (!stats.last || *stats.last < i.occurred_at) stats.last = i.occurred_at;
    if (i.occurred_at < since) return;
    ++stats.count;
    using core::relations::Stance;
    stats.bring += i.stance == Stance::kBring || i.stance == Stance::kBoth ? 1 : 0;
    stats.ask += i.stance == Stance::kAsk || i.stance == Stance::kBoth ? 1 : 0;
  }
  std::vector<Interaction> Newest(std::int64_t ws) {
    auto out = interactions_.All(ws);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::pair(a.occurred_at, a.id) > std::pair(b.occurred_at, b.id);
    });
    return out;
  }

  std::int64_t next_id_ = 0;
  WorkspaceRows<Interaction> interactions_;
  WorkspaceRows<FollowUp> follow_ups_;
  WorkspaceRows<Agreement> agreements_;
};

}  // namespace aantafel::testing
