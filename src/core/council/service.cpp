#include "core/council/service.hpp"

#include <algorithm>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::council {

using accounts::CanWrite;

namespace {
constexpr int kLongestRange = 366;  // days
constexpr int kMostHits = 100;
constexpr int kFurthestOffset = 1000;
constexpr std::size_t kExcerptBytes = 240;
constexpr std::size_t kScannedBytes = 16 * 1024;
constexpr int kMostTerms = 30;
constexpr std::size_t kLongestName = 100;
constexpr std::size_t kShortestTerm = 2;
constexpr std::size_t kLongestTerm = 100;

/// The checked topic; problems go to `errors`.
Topic CheckTopic(const TopicInput& input, FieldErrors& errors) {
  Topic topic;
  topic.name = std::string(TrimAscii(input.name));
  if (topic.name.empty()) {
    errors.Add("name", FieldIssue::kRequired);
  } else if (topic.name.size() > kLongestName) {
    errors.Add("name", FieldIssue::kTooLong, static_cast<int>(kLongestName));
  }
  auto terms = [&](const std::vector<std::string>& list, const std::string& field, bool required,
                   std::vector<std::string>& out) {
    if (required && list.empty()) errors.Add(field, FieldIssue::kRequired);
    if (list.size() > static_cast<std::size_t>(kMostTerms)) {
      errors.Add(field, FieldIssue::kTooMany, kMostTerms);
      return;
    }
    std::set<std::vector<std::string>> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string term(TrimAscii(list[i]));
      const std::string at = field + "[" + std::to_string(i) + "]";
      if (term.size() < kShortestTerm) {
        errors.Add(at, FieldIssue::kTooShort, static_cast<int>(kShortestTerm));
      } else if (term.size() > kLongestTerm) {
        errors.Add(at, FieldIssue::kTooLong, static_cast<int>(kLongestTerm));
      } else if (auto words = TopicStems(term); words.empty()) {
        errors.Add(at, FieldIssue::kInvalidFormat);
      } else if (!seen.insert(std::move(words)).second) {
        errors.Add(at, FieldIssue::kDuplicate);
      }
      out.push_back(term);
    }
  };
  terms(input.terms, "terms", true, topic.terms);
  terms(input.exclusions, "exclusions", false, topic.exclusions);
  return topic;
}
constexpr long kDefaultDays = 60;
constexpr int kMostMeetings = 500;
}  // namespace

Councils CouncilService::List(const accounts::WorkspaceAccess& access) {
  Councils out;
  out.enabled = enabled_;
  out.follows = repository_.Follows(access.workspace.id);
  const auto codes = repository_.WorkspaceMunicipalities(access.workspace.id);
  for (auto& source : repository_.SourcesByCbsCode(codes)) {
    const bool followed = std::any_of(out.follows.begin(), out.follows.end(),
                                      [&](const Follow& f) { return f.source_key == source.key; });
    if (!followed) out.available.push_back(std::move(source));
  }
  // Read after the sources: the status list and its time are saved in one transaction, so a list
  // that shows sources never says "not read yet" (the page stops asking again once it is read).
  out.status_checked_at = repository_.StatusCheckedAt();
  if (wake_ &&
      (!out.status_checked_at || clock_.Now() - *out.status_checked_at > std::chrono::hours(1))) {
    wake_();
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
                                           .municipality_code = request.municipality_code,
                                           .limit = request.limit});
}

void CheckSearchRequest(const SearchRequest& request, FieldErrors& errors) {
  if (auto terms = ParseSearchTerms(request.q, request.as_you_type); !terms) {
    for (const auto& [field, problem] : terms.error().fields) {
      errors.Add(field, problem.issue, problem.limit);
    }
  }
  if (request.from && request.to && *request.to < *request.from) {
    errors.Add("to", FieldIssue::kEndsBeforeStart);
  }
  if (request.limit < 1) errors.Add("limit", FieldIssue::kTooSmall, 1);
  if (request.limit > kMostHits) errors.Add("limit", FieldIssue::kTooLarge, kMostHits);
  if (request.offset < 0) errors.Add("offset", FieldIssue::kTooSmall, 0);
  if (request.offset > kFurthestOffset) {
    errors.Add("offset", FieldIssue::kTooLarge, kFurthestOffset);
  }
}

Result<SearchPage> CouncilService::Search(const accounts::WorkspaceAccess& access,
                                          const SearchRequest& request) {
  FieldErrors errors;
  CheckSearchRequest(request, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  const auto terms = ParseSearchTerms(request.q, request.as_you_type);

  SearchQuery query{
      .phrases = terms->phrases,
      .prefix_last = terms->prefix_last,
      .source_key = request.source_key,
      .kind = request.kind,
      .from = request.from ? std::optional(StartOfDutchDay(*request.from)) : std::nullopt,
      .to = request.to ? std::optional(StartOfDutchDay(request.to->AddDays(1))) : std::nullopt,
      .limit = request.limit,
      .offset = request.offset};
  auto hits = repository_.Search(access.workspace.id, query);
  SearchPage page;
  page.has_more = hits.size() > static_cast<std::size_t>(request.limit);
  if (page.has_more) hits.resize(static_cast<std::size_t>(request.limit));
  for (auto& hit : hits) {
    FoundItem item;
    item.title_spans = StemSpans(hit.title, *terms);
    // The words are looked for in the first 16 KiB of a long text only (a request stays cheap
    // with 64 KiB texts); beyond that the excerpt shows the start.
    const std::string scanned = TruncateUtf8(hit.body, kScannedBytes);
    item.excerpt_spans = StemSpans(scanned, *terms);
    item.excerpt = search::Excerpt(scanned, item.excerpt_spans, kExcerptBytes);
    item.hit = std::move(hit);
    page.items.push_back(std::move(item));
  }
  return page;
}

Result<MeetingDetail> CouncilService::MeetingOf(const accounts::WorkspaceAccess& access,
                                                std::int64_t id) {
  auto detail = repository_.FindMeeting(access.workspace.id, id);
  if (!detail) return Error::Of(ErrorCode::kNotFound);
  return std::move(*detail);
}

std::vector<Topic> CouncilService::Topics(const accounts::WorkspaceAccess& access) {
  return repository_.Topics(access.workspace.id);
}

Result<Topic> CouncilService::AddTopic(const accounts::WorkspaceAccess& access,
                                       const TopicInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  Topic topic = CheckTopic(input, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  topic.created_at = clock_.Now();
  const auto id = repository_.AddTopic(access.workspace.id, topic);
  if (!id) return Error::Field("name", FieldIssue::kTaken);
  topic.id = *id;
  return topic;
}

Result<Topic> CouncilService::ReplaceTopic(const accounts::WorkspaceAccess& access, std::int64_t id,
                                           const TopicInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  Topic topic = CheckTopic(input, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  topic.id = id;
  const auto updated = repository_.UpdateTopic(access.workspace.id, topic);
  if (!updated) return Error::Field("name", FieldIssue::kTaken);
  if (!*updated) return Error::Of(ErrorCode::kNotFound);
  for (auto& stored : repository_.Topics(access.workspace.id)) {
    if (stored.id == id) return std::move(stored);
  }
  return Error::Of(ErrorCode::kNotFound);
}

Status CouncilService::DeleteTopic(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeleteTopic(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<std::vector<TopicMatch>> CouncilService::TopicMatches(
    const accounts::WorkspaceAccess& access, const MeetingRequest& request) {
  std::vector<TopicMatch> out;
  const auto topics = repository_.Topics(access.workspace.id);
  auto meetings = Meetings(access, request);
  if (!meetings) return meetings.error();
  if (topics.empty()) return out;
  const auto compiled = CompileTopics(topics);
  for (const auto& summary : *meetings) {
    const auto detail = repository_.FindMeeting(access.workspace.id, summary.id);
    if (!detail) continue;
    // Every text of the meeting once, stemmed once.
    struct Text {
      TopicHit hit;
      std::vector<std::string> stems;
    };
    std::vector<Text> texts;
    for (const auto& item : detail->meeting.meeting.agenda) {
      if (item.heading) continue;
      texts.push_back(
          {{"agenda_item", item.title}, TopicStems(item.title + "\n" + item.description)});
    }
    for (const auto& d : detail->documents) {
      texts.push_back({{"document", d.document.name}, TopicStems(d.document.name)});
    }
    for (const auto& m : detail->motions) {
      texts.push_back({{"motion", m.motion.name}, TopicStems(m.motion.name)});
    }
    for (const auto& c : compiled) {
      TopicMatch match{.topic_id = c.topic().id, .topic_name = c.topic().name, .meeting = summary};
      for (const auto& text : texts) {
        if (c.Matches(text.stems)) match.hits.push_back(text.hit);
      }
      if (!match.hits.empty()) out.push_back(std::move(match));
    }
  }
  return out;
}

}  // namespace aantafel::core::council
