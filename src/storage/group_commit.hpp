#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

namespace aantafel::storage {

/// Group commit: callers that write at the same moment share one transaction, so one disk flush
/// (SQLite) or one round trip per statement (PostgreSQL) serves many of them. A caller queues its
/// item; the first caller that finds no batch being written becomes the writer for everything
/// queued so far (up to `max_batch`), and wakes the others when the batch is committed. No caller
/// ever waits for a timer: a lone caller writes alone, at once. Every caller returns only after
/// its own item is durable, or with the error that concerned it.
///
/// Thread-safe. Out of the box the batch writer is called by one thread at a time.
template <typename Item, typename Outcome>
class GroupCommit {
 public:
  /// One queued item: the writer fills in `outcome`, or `error` for this item alone.
  struct Entry {
    const Item* item = nullptr;
    Outcome outcome{};
    std::exception_ptr error;
    bool done = false;
  };
  /// Stores a batch; must set each entry's outcome or error. An exception it lets escape becomes
  /// the error of every entry of the batch.
  using Writer = std::function<void(std::span<Entry* const>)>;

  explicit GroupCommit(Writer writer, std::size_t max_batch = 256)
      : writer_(std::move(writer)), max_batch_(max_batch == 0 ? 1 : max_batch) {}

  /// Queues `item`, waits until it is written and returns its outcome (or rethrows its error).
  Outcome Submit(const Item& item) {
    Entry entry{.item = &item};
    std::unique_lock lock(mutex_);
    queue_.push_back(&entry);
    while (!entry.done) {
      if (writing_) {
        written_.wait(lock);
        continue;
      }
      writing_ = true;
      const std::size_t n = std::min(queue_.size(), max_batch_);
      std::vector<Entry*> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      lock.unlock();
      Write(batch);
      lock.lock();
      for (Entry* e : batch) e->done = true;
      writing_ = false;
      ++batches_;
      items_ += n;
      written_.notify_all();
    }
    if (entry.error) std::rethrow_exception(entry.error);
    return std::move(entry.outcome);
  }

  /// How many batches and items were written so far (for logs and benchmarks).
  struct Counts {
    std::size_t batches = 0;
    std::size_t items = 0;
  };
  [[nodiscard]] Counts counts() const {
    std::lock_guard lock(mutex_);
    return {batches_, items_};
  }
  /// How many items wait for the next batch.
  [[nodiscard]] std::size_t queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

 private:
  void Write(std::span<Entry* const> batch) {
    try {
      writer_(batch);
    } catch (...) {
      const std::exception_ptr error = std::current_exception();
      for (Entry* e : batch) e->error = error;
    }
  }

  Writer writer_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable written_;
  std::vector<Entry*> queue_;
  bool writing_ = false;
  std::size_t batches_ = 0;
  std::size_t items_ = 0;
};

}  // namespace aantafel::storage
