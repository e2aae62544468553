// Group commit of survey answers (decision 32), on SQLite always and PostgreSQL when configured:
// answers written together get their own ids and rows, the daily roll-up counts each once, a
// failing answer takes no other answer with it, and concurrent submissions are all stored once.
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <thread>

#include "storage/accounts_repository.hpp"
#include "storage/feedback_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/postgres_listener.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using namespace core::feedback;
using testing::Backend;
using Entry = SqlFeedbackRepository::SubmitGroup::Entry;

class FeedbackBatch : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<testing::TestDatabase>(GetParam());
    db = database->Open(8);
    Migrate(*db, EmbeddedMigrations(db->dialect()));
    SqlUserRepository users(*db);
    SqlWorkspaceRepository workspaces(*db);
    const auto user =
        users.Create({.email = "a@zorg.nl", .name = "A", .created_at = clock.Now()}, "h")->id;
    ws = workspaces.Create({.slug = "aaa", .name = "A", .created_at = clock.Now()}, user)->id;
    other_ws = workspaces.Create({.slug = "bbb", .name = "B", .created_at = clock.Now()}, user)->id;
    feedback = std::make_unique<SqlFeedbackRepository>(*db);
    survey = feedback
                 ->AddSurvey(ws, {.token = "tok-a",
                                  .name = "Wijkteam",
                                  .questions = StandardQuestions(),
                                  .created_at = clock.Now(),
                                  .updated_at = clock.Now()})
                 .id;
  }

  NewResponse Answer(int score, std::int64_t survey_id) {
    return {.survey_id = survey_id,
            .score = score,
            .why = "antwoord " + std::to_string(score),
            .channel = Channel::kLink,
            .day = LocalDay(clock.Now()),
            .received_at = clock.Now()};
  }

  // Runs StoreBatch on the answers as one batch; returns the entries.
  std::vector<Entry> Batch(const std::vector<SqlFeedbackRepository::Submission>& items) {
    std::vector<Entry> entries(items.size());
    std::vector<Entry*> pointers;
    for (std::size_t i = 0; i < items.size(); ++i) {
      entries[i].item = &items[i];
      pointers.push_back(&entries[i]);
    }
    feedback->StoreBatch(pointers);
    return entries;
  }

  NpsCounts Totals(std::int64_t workspace) {
    const long today = LocalDay(clock.Now());
    const auto groups = feedback->Daily(workspace, GroupColumn::kNone, today - 1, today + 1, {});
    NpsCounts total;
    for (const auto& g : groups) {
      total.promoters += g.counts.promoters;
      total.passives += g.counts.passives;
      total.detractors += g.counts.detractors;
    }
    return total;
  }

  testing::FakeClock clock;
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<Database> db;
  std::unique_ptr<SqlFeedbackRepository> feedback;
  std::int64_t ws = 0;
  std::int64_t other_ws = 0;
  std::int64_t survey = 0;
};

TEST_P(FeedbackBatch, AnswersStoredTogetherKeepTheirOwnIdsAndRows) {
  const auto a = Answer(10, survey);
  const auto b = Answer(7, survey);
  const auto c = Answer(2, survey);
  const auto entries = Batch({{ws, &a}, {ws, &b}, {ws, &c}});
  std::set<std::int64_t> ids;
  const int scores[] = {10, 7, 2};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    ASSERT_FALSE(entries[i].error);
    ASSERT_TRUE(entries[i].outcome);
    ids.insert(entries[i].outcome->id);
    const auto stored = feedback->GetResponse(ws, entries[i].outcome->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->score, scores[i]);
    EXPECT_EQ(stored->why, "antwoord " + std::to_string(scores[i]));
    EXPECT_FALSE(feedback->GetResponse(other_ws, entries[i].outcome->id));
  }
  EXPECT_EQ(ids.size(), 3U);
  const auto totals = Totals(ws);
  EXPECT_EQ(totals.promoters, 1);
  EXPECT_EQ(totals.passives, 1);
  EXPECT_EQ(totals.detractors, 1);
  EXPECT_EQ(Totals(other_ws).promoters, 0);
}

TEST_P(FeedbackBatch, AFailingAnswerTakesNoOtherAnswerWithIt) {
  const auto good = Answer(9, survey);
  const auto gone = Answer(9, survey + 1000);  // its survey does not exist (deleted meanwhile)
  const auto also_good = Answer(3, survey);
  const auto entries = Batch({{ws, &good}, {ws, &gone}, {ws, &also_good}});
  EXPECT_FALSE(entries[0].error);
  EXPECT_TRUE(entries[1].error);
  EXPECT_FALSE(entries[2].error);
  ASSERT_TRUE(entries[0].outcome && entries[2].outcome);
  EXPECT_TRUE(feedback->GetResponse(ws, entries[0].outcome->id));
  EXPECT_TRUE(feedback->GetResponse(ws, entries[2].outcome->id));
  const auto totals = Totals(ws);
  EXPECT_EQ(totals.promoters, 1);
  EXPECT_EQ(totals.detractors, 1);
  EXPECT_EQ(feedback->ListResponses(ws, {}).size(), 2U);
}

TEST_P(FeedbackBatch, APersonalLinkIsUsedOnceEvenWithinOneBatch) {
  const auto invitation = feedback->AddInvitation(
      ws,
      {.survey_id = survey, .reference = "r1", .expires_at = clock.Now() + std::chrono::hours(48)},
      "hash-1", std::nullopt, clock.Now());
  auto first = Answer(8, survey);
  first.invitation_id = invitation.id;
  auto second = Answer(1, survey);
  second.invitation_id = invitation.id;
  const auto entries = Batch({{ws, &first}, {ws, &second}});
  EXPECT_FALSE(entries[0].error);
  EXPECT_FALSE(entries[1].error);
  EXPECT_TRUE(entries[0].outcome);
  EXPECT_FALSE(entries[1].outcome);  // nullopt: the link was used by the first
  EXPECT_EQ(feedback->ListResponses(ws, {}).size(), 1U);
  EXPECT_EQ(Totals(ws).passives, 1);
  EXPECT_EQ(Totals(ws).detractors, 0);
}

TEST_P(FeedbackBatch, CallbacksBelongToTheirOwnAnswer) {
  auto plain = Answer(9, survey);
  auto call = Answer(2, survey);
  call.callback = true;
  call.phone_sealed = "sealed";
  call.callback_due = clock.Now() + std::chrono::hours(24);
  const auto entries = Batch({{ws, &plain}, {ws, &call}});
  ASSERT_TRUE(entries[0].outcome && entries[1].outcome);
  EXPECT_FALSE(entries[0].outcome->callback_id);
  ASSERT_TRUE(entries[1].outcome->callback_id);
  const auto callback = feedback->GetCallback(ws, *entries[1].outcome->callback_id);
  ASSERT_TRUE(callback);
  EXPECT_EQ(callback->response_id, entries[1].outcome->id);
}

TEST_P(FeedbackBatch, ConcurrentSubmissionsAreEachStoredExactlyOnce) {
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::vector<std::int64_t>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const auto answer = Answer((t + i) % 11, survey);
        ids[t].push_back(feedback->Submit(ws, answer).value().id);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::int64_t> all;
  for (const auto& v : ids) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  ResponseFilter everything;
  everything.limit = 1000;
  EXPECT_EQ(feedback->ListResponses(ws, everything).size(), all.size());
  const auto totals = Totals(ws);
  EXPECT_EQ(totals.promoters + totals.passives + totals.detractors, kThreads * kEach);
  const auto counts = feedback->submit_counts();
  EXPECT_EQ(counts.items, static_cast<std::size_t>(kThreads * kEach));
  EXPECT_LE(counts.batches, counts.items);
}

// The live feed on PostgreSQL: events notified together share one NOTIFY payload.
TEST(LivePayload, SeveralEventsTravelInOneNoticeAndBrokenPartsAreSkipped) {
  using Kind = LiveEvent::Kind;
  const std::vector<LiveEvent> events = {{.workspace_id = 3, .kind = Kind::kResponse, .id = 41},
                                         {.workspace_id = 4, .kind = Kind::kCallback, .id = 7}};
  const std::string payload = LivePayload(events);
  EXPECT_EQ(payload, "3:r:41;4:c:7");
  const auto parsed = ParseLivePayloads(payload + ";kapot;5:x:1;6:r:0;;7:r:9");
  ASSERT_EQ(parsed.size(), 3U);
  EXPECT_EQ(parsed[0].workspace_id, 3);
  EXPECT_EQ(parsed[1].kind, Kind::kCallback);
  EXPECT_EQ(parsed[1].id, 7);
  EXPECT_EQ(parsed[2].workspace_id, 7);
  EXPECT_TRUE(ParseLivePayloads("").empty());
  // The largest batch the notifier sends stays below PostgreSQL's 8000-byte payload limit.
  const std::vector<LiveEvent> largest(150,
                                       {.workspace_id = std::numeric_limits<std::int64_t>::max(),
                                        .kind = Kind::kResponse,
                                        .id = std::numeric_limits<std::int64_t>::max()});
  EXPECT_LT(LivePayload(largest).size(), 8000U);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, FeedbackBatch,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage
