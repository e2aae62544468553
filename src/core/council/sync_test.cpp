// CouncilSync's state machine against a scripted feed and an in-memory store: the paths the
// end-to-end test (tests/integration/council_http_test.cpp) cannot reach cheaply.
#include "core/council/sync.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <map>

namespace aantafel::core::council {
namespace {

class TestClock final : public core::Clock {
 public:
  [[nodiscard]] Instant Now() const override { return now; }
  Instant now = FromMillis(1'795'000'000'000);
};

/// Only what the sync uses; the rest is never called here.
class MemoryRepository final : public CouncilRepository {
 public:
  void SaveStatus(const StatusList&, Instant at) override { checked = at; }
  std::optional<Instant> StatusCheckedAt() override { return checked; }
  std::vector<CouncilSource> SourcesByCbsCode(const std::vector<std::string>&) override {
    return {};
  }
  std::optional<CouncilSource> FindSource(const std::string&) override { return std::nullopt; }
  std::optional<SyncState> FindSyncState(const std::string& key) override {
    const auto it = states.find(key);
    return it == states.end() ? std::nullopt : std::optional(it->second);
  }
  void SaveSyncState(const SyncState& state) override { states[state.source_key] = state; }
  ApplyReport ApplyPage(const std::vector<ExportRecord>& records, const SyncState& state) override {
    for (const auto& r : records) applied.push_back(r.seq);
    states[state.source_key] = state;
    return {.applied = static_cast<std::int64_t>(records.size())};
  }
  void ForgetSource(const std::string& key) override { states.erase(key); }
  bool AddFollow(std::int64_t, const std::string&, const std::string&, Instant) override {
    return true;
  }
  bool RemoveFollow(std::int64_t, const std::string&) override { return true; }
  std::vector<Follow> Follows(std::int64_t) override { return {}; }
  std::vector<std::string> FollowedKeys() override { return {"soest"}; }
  std::vector<std::string> UnfollowedKeys() override { return {}; }
  std::vector<std::string> WorkspaceMunicipalities(std::int64_t) override { return {}; }
  std::vector<MeetingView> Meetings(std::int64_t, const MeetingQuery&) override { return {}; }
  std::optional<MeetingDetail> FindMeeting(std::int64_t, std::int64_t) override {
    return std::nullopt;
  }
  std::vector<Topic> Topics(std::int64_t) override { return {}; }
  std::optional<std::int64_t> AddTopic(std::int64_t, const Topic&) override { return 1; }
  std::optional<bool> UpdateTopic(std::int64_t, const Topic&) override { return true; }
  bool DeleteTopic(std::int64_t, std::int64_t) override { return true; }
  std::vector<NameUse> NamesInCouncil(const std::string&) override { return {}; }
  std::vector<LinkDecision> LinkDecisions(std::int64_t, const std::string&) override { return {}; }
  void SaveLinkDecision(std::int64_t, const std::string&, const LinkDecision&, std::int64_t,
                        Instant) override {}
  bool DeleteLinkDecision(std::int64_t, const std::string&, const std::string&,
                          std::int64_t) override {
    return false;
  }
  std::vector<NameRecord> RecordsOfNames(const std::string&, const std::vector<std::string>&,
                                         int) override {
    return {};
  }
  std::vector<SearchHit> Search(std::int64_t, const SearchQuery&) override { return {}; }
  std::vector<PendingText> PendingTexts(int limit) override {
    std::vector<PendingText> out;
    for (const auto& p : pending) {
      if (static_cast<int>(out.size()) == limit) break;
      if (!texts.contains(p.id)) out.push_back(p);
    }
    return out;
  }
  void SaveDocumentText(const PendingText& document, const std::optional<std::string>& text,
                        Instant) override {
    texts[document.id] = text;
  }
  void NoteTextFailure(std::int64_t id, Instant) override { ++failures[id]; }

  std::optional<Instant> checked;
  std::map<std::string, SyncState> states;
  std::vector<std::int64_t> applied;
  std::vector<PendingText> pending;
  std::map<std::int64_t, std::optional<std::string>> texts;
  std::map<std::int64_t, int> failures;
};

class ScriptedFeed final : public CouncilFeed {
 public:
  StatusPage Status() override { return {}; }
  FeedPage Snapshot(const std::string&, const std::string& cursor) override {
    asked.push_back("snapshot:" + cursor);
    return Next();
  }
  FeedPage Changes(const std::string&, const std::string& cursor) override {
    asked.push_back("changes:" + cursor);
    return Next();
  }
  FeedPage Next() {
    if (pages.empty()) return FeedPage{.outcome = FeedPage::Outcome::kUnavailable};
    auto page = pages.front();
    pages.pop_front();
    return page;
  }
  TextPage DocumentText(const std::string& entity_id) override {
    asked.push_back("text:" + entity_id);
    if (text_pages.empty()) return TextPage{.outcome = FeedPage::Outcome::kUnavailable};
    auto page = text_pages.front();
    text_pages.pop_front();
    return page;
  }
  std::deque<FeedPage> pages;
  std::deque<TextPage> text_pages;
  std::vector<std::string> asked;
};

FeedPage Ok(std::vector<std::int64_t> seqs, std::string next, bool more,
            std::optional<std::string> changes = std::nullopt) {
  FeedPage page{.next_cursor = std::move(next), .has_more = more, .changes_cursor = changes};
  for (const auto seq : seqs) {
    page.records.push_back({.seq = seq, .entity_id = "e" + std::to_string(seq)});
  }
  return page;
}

struct Fixture {
  TestClock clock;
  MemoryRepository repository;
  ScriptedFeed feed;
  CouncilSync sync{repository, feed, clock, SyncOptions{.max_pages = 10}};
};

TEST(CouncilSync, TheChangeFeedStartsWhereTheFirstSnapshotPageSaid) {
  Fixture f;
  f.feed.pages = {Ok({1, 2}, "e2", true, "10"), Ok({3}, "e3", false, "12"),
                  Ok({10, 11}, "12", false)};
  const auto state = f.sync.SyncCouncil("soest");
  EXPECT_EQ(f.feed.asked, (std::vector<std::string>{"snapshot:", "snapshot:e2", "changes:10"}));
  EXPECT_TRUE(state.snapshot_done);
  EXPECT_EQ(state.changes_cursor, "12");
  EXPECT_EQ(state.records, 5);
  EXPECT_EQ(state.synced_at, f.clock.now);
}

TEST(CouncilSync, ASnapshotThatDoesNotMoveOnIsAFailureNotALoop) {
  Fixture f;
  f.feed.pages = {Ok({1}, "e1", true, "5"), Ok({1}, "e1", true, "5")};
  const auto state = f.sync.SyncCouncil("soest");
  EXPECT_EQ(f.feed.asked.size(), 2U);
  EXPECT_EQ(state.failures, 1);
  EXPECT_NE(state.error.find("did not move on"), std::string::npos);
  EXPECT_EQ(state.retry_at, f.clock.now + std::chrono::minutes(1));
  EXPECT_EQ(state.cursor, "e1") << "the first page is kept";
}

TEST(CouncilSync, FailuresBackOffAndAnUnexportableCouncilWaitsADay) {
  Fixture f;
  for (int i = 0; i < 8; ++i) f.feed.pages.push_back({.outcome = FeedPage::Outcome::kUnavailable});
  std::vector<std::chrono::minutes> waits;
  for (int i = 0; i < 8; ++i) {
    const auto state = f.sync.SyncCouncil("soest");
    waits.push_back(
        std::chrono::duration_cast<std::chrono::minutes>(*state.retry_at - f.clock.now));
  }
  EXPECT_EQ(waits, (std::vector<std::chrono::minutes>{
                       std::chrono::minutes(1), std::chrono::minutes(2), std::chrono::minutes(4),
                       std::chrono::minutes(8), std::chrono::minutes(16), std::chrono::minutes(32),
                       std::chrono::minutes(60), std::chrono::minutes(60)}));
  f.feed.pages = {{.outcome = FeedPage::Outcome::kUnknownSource}};
  const auto state = f.sync.SyncCouncil("soest");
  EXPECT_EQ(*state.retry_at - f.clock.now, std::chrono::hours(24));
  EXPECT_EQ(f.sync.Run(false).councils, 0) << "not due before then";
}

TEST(CouncilSync, ALargeCouncilStopsAfterMaxPagesAndGoesOnInTheNextRound) {
  Fixture f;
  for (int i = 0; i < 15; ++i) {
    f.feed.pages.push_back(Ok({i}, "e" + std::to_string(i), true, i == 0 ? "100" : "999"));
  }
  f.feed.pages.push_back(Ok({15}, "e15", false));
  f.feed.pages.push_back(Ok({}, "100", false));
  auto state = f.sync.SyncCouncil("soest");
  EXPECT_EQ(f.feed.asked.size(), 10U);
  EXPECT_FALSE(state.snapshot_done);
  EXPECT_FALSE(state.synced_at);
  EXPECT_EQ(f.sync.Run(false).councils, 1) << "an unfinished council is due at once";
  state = *f.repository.FindSyncState("soest");
  EXPECT_TRUE(state.snapshot_done);
  EXPECT_EQ(state.changes_cursor, "100") << "from the first page, not a later one";
  EXPECT_EQ(f.sync.NextDue(), f.clock.now + std::chrono::minutes(30));
}

}  // namespace
TEST(CouncilSync, DocumentTextsAreFetchedNewestFirstAndA429WaitsForItsRetryAfter) {
  Fixture f;
  f.repository.pending = {{.id = 1, .entity_id = "document:a"},
                          {.id = 2, .entity_id = "document:b"},
                          {.id = 3, .entity_id = "document:c"}};
  f.feed.text_pages = {
      CouncilFeed::TextPage{.text = "Beleidsplan"},
      CouncilFeed::TextPage{},  // no text: asked, not asked again
      CouncilFeed::TextPage{.outcome = FeedPage::Outcome::kRateLimited, .retry_after_seconds = 30}};
  EXPECT_EQ(f.sync.FetchTexts(10), 2);
  EXPECT_EQ(f.repository.texts.at(1), std::optional<std::string>("Beleidsplan"));
  EXPECT_EQ(f.repository.texts.at(2), std::nullopt);
  EXPECT_FALSE(f.repository.texts.contains(3)) << "the rate-limited one stays pending";

  // Before Retry-After has passed nothing is asked; afterwards the third is.
  f.clock.now += std::chrono::seconds(29);
  EXPECT_EQ(f.sync.FetchTexts(10), 0);
  EXPECT_EQ(f.feed.asked.size(), 3U);
  f.clock.now += std::chrono::seconds(1);
  f.feed.text_pages = {CouncilFeed::TextPage{.text = "Motie"}};
  EXPECT_EQ(f.sync.FetchTexts(10), 1);
  EXPECT_EQ(f.feed.asked.back(), "text:document:c");
}

TEST(CouncilSync, ADocumentThatCannotBeReadGoesBehindTheOthersWithoutStoppingThem) {
  Fixture f;
  f.repository.pending = {{.id = 1, .entity_id = "document:broken"},
                          {.id = 2, .entity_id = "document:fine"}};
  f.feed.text_pages = {CouncilFeed::TextPage{.document_failed = true},
                       CouncilFeed::TextPage{.text = "Tekst"}};
  EXPECT_EQ(f.sync.FetchTexts(10), 1);
  EXPECT_EQ(f.repository.failures.at(1), 1);
  EXPECT_EQ(f.repository.texts.at(2), std::optional<std::string>("Tekst"));
  EXPECT_FALSE(f.repository.texts.contains(1));
  // Five unreadable documents in a row look like an outage: wait.
  f.repository.pending.clear();
  for (std::int64_t id = 10; id < 20; ++id) {
    f.repository.pending.push_back({.id = id, .entity_id = "document:" + std::to_string(id)});
    f.feed.text_pages.push_back(CouncilFeed::TextPage{.document_failed = true});
  }
  EXPECT_EQ(f.sync.FetchTexts(10), 0);
  EXPECT_EQ(f.repository.failures.size(), 6U) << "five more noted, then it stopped";
  EXPECT_EQ(f.sync.FetchTexts(10), 0);
  EXPECT_EQ(f.repository.failures.size(), 6U) << "waiting";
}

TEST(CouncilSync, AnOutageOfTheTextRequestsBacksOffLikeTheFeed) {
  Fixture f;
  f.repository.pending = {{.id = 1, .entity_id = "document:a"}};
  EXPECT_EQ(f.sync.FetchTexts(5), 0);  // unavailable
  EXPECT_EQ(f.sync.FetchTexts(5), 0);  // waiting: not asked
  EXPECT_EQ(f.feed.asked.size(), 1U);
  EXPECT_EQ(f.repository.failures.at(1), 1) << "the document goes behind the others";
  f.clock.now += std::chrono::minutes(1);
  f.feed.text_pages = {CouncilFeed::TextPage{.text = "Tekst"}};
  EXPECT_EQ(f.sync.FetchTexts(5), 1);
}

}  // namespace aantafel::core::council
