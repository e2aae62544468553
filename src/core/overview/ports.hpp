#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/civil_date.hpp"
#include "core/overview/digest.hpp"
#include "core/overview/model.hpp"

namespace aantafel::core::overview {

/// The moment and language items are gathered for.
struct ActContext {
  CivilDate today;
  Instant now{};
  bool english = false;
};

/// Port: one module's things to act on for a user, not yet filtered or ranked.
class ActItemSource {
 public:
  virtual ~ActItemSource() = default;
  virtual void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                      std::vector<ActItem>& out) = 0;
};

/// Port: what each user has hidden.
class HiddenItemRepository {
 public:
  virtual ~HiddenItemRepository() = default;
  virtual std::map<std::string, Hidden> HiddenFor(std::int64_t ws, std::int64_t user_id) = 0;
  virtual void Hide(std::int64_t ws, std::int64_t user_id, const std::string& key,
                    const Hidden& hidden) = 0;
  virtual bool Unhide(std::int64_t ws, std::int64_t user_id, const std::string& key) = 0;
};

/// Port: who wants a digest.
class DigestRepository {
 public:
  virtual ~DigestRepository() = default;
  virtual DigestFrequency FrequencyOf(std::int64_t ws, std::int64_t user_id) = 0;
  virtual void SetFrequency(std::int64_t ws, std::int64_t user_id, DigestFrequency frequency) = 0;
  /// Every member with a digest other than none (still a member of the workspace).
  virtual std::vector<DigestSubscriber> Subscribers() = 0;
  virtual void MarkSent(std::int64_t ws, std::int64_t user_id, CivilDate day) = 0;
};

}  // namespace aantafel::core::overview
