#pragma once

#include <string>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/overview/digest.hpp"
#include "core/overview/model.hpp"
#include "core/result.hpp"

namespace aantafel::core::overview {

/// The user's own hide and snooze choices, and the ranking of what the HTTP layer gathered.
class OverviewService {
 public:
  OverviewService(HiddenItemRepository& repository, DigestRepository& digests, const Clock& clock)
      : repository_(repository), digests_(digests), clock_(clock) {}

  [[nodiscard]] CivilDate Today() const { return DutchDate(clock_.Now()); }
  [[nodiscard]] Instant Now() const { return clock_.Now(); }

  /// Ranks `items` for the user (hidden ones left out), at most `limit`.
  std::vector<ActItem> Rank(const accounts::WorkspaceAccess& access, std::vector<ActItem> items,
                            std::size_t limit);
  /// Hides an item for good, or until `until` ("YYYY-MM-DD", after today, at most a year ahead).
  /// Errors name "key" (1–100 characters of a–z, 0–9, ':', '_', '-') or "until".
  Status Hide(const accounts::WorkspaceAccess& access, const std::string& key,
              const std::optional<std::string>& until);
  Status Unhide(const accounts::WorkspaceAccess& access, const std::string& key);

  /// The user's e-mail digest in this workspace.
  DigestFrequency Digest(const accounts::WorkspaceAccess& access);
  /// Errors: "digest" not one of none, daily, weekly.
  Status SetDigest(const accounts::WorkspaceAccess& access, std::string_view frequency);

 private:
  HiddenItemRepository& repository_;
  DigestRepository& digests_;
  const Clock& clock_;
};

}  // namespace aantafel::core::overview
