#include "core/council/service.hpp"

#include <algorithm>

namespace aantafel::core::council {

using accounts::CanWrite;

namespace {
constexpr int kLongestRange = 366;  // days
constexpr long kDefaultDays = 60;
constexpr int kMostMeetings = 500;
}  // namespace

Councils CouncilService::List(const accounts::WorkspaceAccess& access) {
  Councils out;
  out.status_checked_at = repository_.StatusCheckedAt();
  if (wake_ &&
      (!out.status_checked_at || clock_.Now() - *out.status_checked_at > std::chrono::hours(1))) {
    wake_();
  }
  out.follows = repository_.Follows(access.workspace.id);
  const auto codes = repository_.WorkspaceMunicipalities(access.workspace.id);
  for (auto& source : repository_.SourcesByCbsCode(codes)) {
    const bool followed = std::any_of(out.follows.begin(), out.follows.end(),
                                      [&](const Follow& f) { return f.source_key == source.key; });
    if (!followed) out.available.push_back(std::move(source));
  }
  return out;
}

Result<Follow> CouncilService::FollowCouncil(const accounts::WorkspaceAccess& access,
                                             const std::string& key) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const auto source = repository_.FindSource(key);
  const auto codes = repository_.WorkspaceMunicipalities(access.workspace.id);
  if (!source || !source->cbs_code ||
      std::find(codes.begin(), codes.end(), *source->cbs_code) == codes.end()) {
    return Error::Field("source_key", FieldIssue::kUnknownValue);
  }
  if (repository_.AddFollow(access.workspace.id, key, *source->cbs_code, clock_.Now()) && wake_) {
    wake_();
  }
  for (auto& follow : repository_.Follows(access.workspace.id)) {
    if (follow.source_key == key) return std::move(follow);
  }
  return Error::Of(ErrorCode::kInternal);
}

Status CouncilService::UnfollowCouncil(const accounts::WorkspaceAccess& access,
                                       const std::string& key) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.RemoveFollow(access.workspace.id, key)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<std::vector<MeetingView>> CouncilService::Meetings(const accounts::WorkspaceAccess& access,
                                                          const MeetingRequest& request) {
  const CivilDate first = request.from ? *request.from
                          : request.to ? request.to->AddDays(-kDefaultDays)
                                       : DutchDate(clock_.Now());
  const CivilDate last = request.to ? *request.to : first.AddDays(kDefaultDays);
  FieldErrors errors;
  if (last < first) {
    errors.Add("to", FieldIssue::kEndsBeforeStart);
  } else if (last.DaysSinceEpoch() - first.DaysSinceEpoch() + 1 > kLongestRange) {
    errors.Add("to", FieldIssue::kPeriodTooLong, kLongestRange);
  }
  if (request.limit < 1) errors.Add("limit", FieldIssue::kTooSmall, 1);
  if (request.limit > kMostMeetings) errors.Add("limit", FieldIssue::kTooLarge, kMostMeetings);
  if (!errors.empty()) return std::move(errors).ToError();
  return repository_.Meetings(access.workspace.id,
                              MeetingQuery{.from = StartOfDutchDay(first),
                                           .to = StartOfDutchDay(last.AddDays(1)),
                                           .source_key = request.source_key,
                                           .limit = request.limit});
}

Result<MeetingDetail> CouncilService::MeetingOf(const accounts::WorkspaceAccess& access,
                                                std::int64_t id) {
  auto detail = repository_.FindMeeting(access.workspace.id, id);
  if (!detail) return Error::Of(ErrorCode::kNotFound);
  return std::move(*detail);
}

}  // namespace aantafel::core::council
