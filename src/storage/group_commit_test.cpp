#include "storage/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace aantafel::storage {
namespace {

using Group = GroupCommit<int, int>;

// Waits (without a timing assertion) until `n` callers are queued behind the running batch.
void WaitUntilQueued(const Group& group, std::size_t n) {
  while (group.queued() < n) std::this_thread::yield();
}

TEST(GroupCommit, ALoneCallerIsWrittenAtOnceAndGetsItsOutcome) {
  std::vector<std::size_t> sizes;
  Group group([&](std::span<Group::Entry* const> batch) {
    sizes.push_back(batch.size());
    for (auto* e : batch) e->outcome = *e->item * 10;
  });
  EXPECT_EQ(group.Submit(4), 40);
  EXPECT_EQ(group.Submit(5), 50);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(group.counts().batches, 2U);
  EXPECT_EQ(group.counts().items, 2U);
}

// The first caller's batch is held open until five others queued; they must share one batch
// (max_batch permitting) and each must get its own outcome.
std::vector<std::size_t> BatchSizesWithFiveWaiting(std::size_t max_batch,
                                                   std::vector<int>& outcomes) {
  std::vector<std::size_t> sizes;
  std::atomic<bool> first_is_writing = false;
  Group* self = nullptr;
  Group group(
      [&](std::span<Group::Entry* const> batch) {
        if (sizes.empty()) {
          first_is_writing = true;
          WaitUntilQueued(*self, 5);
        }
        sizes.push_back(batch.size());
        for (auto* e : batch) e->outcome = *e->item * 10;
      },
      max_batch);
  self = &group;
  outcomes.assign(6, 0);
  std::thread first([&] { outcomes[0] = group.Submit(0); });
  while (!first_is_writing) std::this_thread::yield();
  std::vector<std::thread> others;
  for (int i = 1; i <= 5; ++i) others.emplace_back([&, i] { outcomes[i] = group.Submit(i); });
  first.join();
  for (auto& t : others) t.join();
  return sizes;
}

TEST(GroupCommit, CallersArrivingDuringAWriteShareTheNextBatch) {
  std::vector<int> outcomes;
  EXPECT_EQ(BatchSizesWithFiveWaiting(256, outcomes), (std::vector<std::size_t>{1, 5}));
  EXPECT_EQ(outcomes, (std::vector<int>{0, 10, 20, 30, 40, 50}));
}

TEST(GroupCommit, BatchesNeverExceedTheirMaximum) {
  std::vector<int> outcomes;
  EXPECT_EQ(BatchSizesWithFiveWaiting(2, outcomes), (std::vector<std::size_t>{1, 2, 2, 1}));
  EXPECT_EQ(outcomes, (std::vector<int>{0, 10, 20, 30, 40, 50}));
}

TEST(GroupCommit, AnEntrysErrorReachesOnlyItsOwnCaller) {
  Group group([](std::span<Group::Entry* const> batch) {
    for (auto* e : batch) {
      if (*e->item == 3) {
        e->error = std::make_exception_ptr(std::runtime_error("drie"));
      } else {
        e->outcome = *e->item;
      }
    }
  });
  std::atomic<int> failures = 0;
  std::atomic<int> sum = 0;
  std::vector<std::thread> threads;
  for (int i = 1; i <= 6; ++i) {
    threads.emplace_back([&, i] {
      try {
        sum += group.Submit(i);
      } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "drie");
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(sum, 1 + 2 + 4 + 5 + 6);
  EXPECT_EQ(group.counts().items, 6U);
}

TEST(GroupCommit, AnExceptionFromTheWriterFailsEveryEntryOfThatBatchOnly) {
  int calls = 0;
  Group group([&](std::span<Group::Entry* const> batch) {
    if (++calls == 1) throw std::runtime_error("schijf vol");
    for (auto* e : batch) e->outcome = *e->item;
  });
  EXPECT_THROW(group.Submit(1), std::runtime_error);
  EXPECT_EQ(group.Submit(2), 2);
}

}  // namespace
}  // namespace aantafel::storage
