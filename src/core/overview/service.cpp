#include "core/overview/service.hpp"

#include <algorithm>

namespace aantafel::core::overview {

namespace {

bool IsKey(const std::string& key) {
  return !key.empty() && key.size() <= 100 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-';
  });
}

}  // namespace

std::vector<ActItem> OverviewService::ActNow(const accounts::WorkspaceAccess& access, bool english,
                                             std::size_t limit) {
  const Instant now = clock_.Now();
  const ActContext context{.today = DutchDate(now), .now = now, .english = english};
  std::vector<ActItem> items;
  for (ActItemSource* source : sources_) source->Gather(access, context, items);
  return overview::Rank(std::move(items),
                        repository_.HiddenFor(access.workspace.id, access.user_id), context.today,
                        limit);
}

Status OverviewService::Hide(const accounts::WorkspaceAccess& access, const std::string& key,
                             const std::optional<std::string>& until) {
  FieldErrors errors;
  if (!IsKey(key)) errors.Add("key", FieldIssue::kInvalidFormat);
  Hidden hidden;
  if (until) {
    const auto date = CivilDate::Parse(*until);
    const CivilDate today = Today();
    if (!date || *date <= today || *date > today.AddDays(366)) {
      errors.Add("until", FieldIssue::kInvalidFormat);
    } else {
      hidden.until = date;
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.Hide(access.workspace.id, access.user_id, key, hidden);
  return Ok{};
}

Status OverviewService::Unhide(const accounts::WorkspaceAccess& access, const std::string& key) {
  if (!IsKey(key) || !repository_.Unhide(access.workspace.id, access.user_id, key)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

DigestFrequency OverviewService::Digest(const accounts::WorkspaceAccess& access) {
  return digests_.FrequencyOf(access.workspace.id, access.user_id);
}

Status OverviewService::SetDigest(const accounts::WorkspaceAccess& access,
                                  std::string_view frequency) {
  const auto parsed = ParseDigestFrequency(frequency);
  if (!parsed) return Error::Field("digest", FieldIssue::kInvalidChoice);
  digests_.SetFrequency(access.workspace.id, access.user_id, *parsed);
  return Ok{};
}

}  // namespace aantafel::core::overview
