#pragma once

#include <string>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/overview/act_now.hpp"
#include "core/overview/digest.hpp"
#include "core/overview/model.hpp"
#include "core/overview/ports.hpp"
#include "core/result.hpp"

namespace aantafel::core::overview {

/// Nu doen for one user: the items every registered module offers, ranked, without the ones the
/// user hid; the user's hide and snooze choices; the e-mail digest setting.
class OverviewService {
 public:
  OverviewService(HiddenItemRepository& repository, DigestRepository& digests, const Clock& clock)
      : repository_(repository), digests_(digests), clock_(clock) {}

  /// Adds a module's items to everyone's overview. The source must outlive the service.
  void AddSource(ActItemSource& source) { sources_.push_back(&source); }

  /// What this user should act on now, most urgent first, at most `limit`.
  std::vector<ActItem> ActNow(const accounts::WorkspaceAccess& access, bool english,
                              std::size_t limit);

  [[nodiscard]] CivilDate Today() const { return DutchDate(clock_.Now()); }
  [[nodiscard]] Instant Now() const { return clock_.Now(); }

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
  std::vector<ActItemSource*> sources_;
};

}  // namespace aantafel::core::overview
