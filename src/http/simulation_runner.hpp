#pragma once

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "core/financing/scenario_json.hpp"
#include "core/result.hpp"
#include "http/event_stream.hpp"
#include "http/language.hpp"

namespace aantafel::http {

/// Runs Bekostiging simulations for the HTTP layer with a bound on how many run at once (each
/// uses every core for about a second), so a burst of requests queues nothing and gets 429.
/// Streaming runs happen on their own thread, report progress into an EventStream and stop
/// when its connection goes away; the destructor cancels and joins whatever still runs.
class SimulationRunner {
 public:
  /// `max_running`: simulations at once; `threads`: worker threads per simulation.
  SimulationRunner(int max_running, int threads);
  ~SimulationRunner();
  SimulationRunner(const SimulationRunner&) = delete;
  SimulationRunner& operator=(const SimulationRunner&) = delete;

  /// Simulates on the calling thread. kRateLimited (Retry-After 1) when the limit is reached.
  core::Result<core::financing::Summary> RunNow(const core::financing::ScenarioRequest& request);

  /// Starts a streaming simulation: `progress` events ({"runs_done","runs"}) at every 5%, then
  /// `summary` (SummaryJson) or `error` (error body in `language`), then the stream closes.
  /// kRateLimited when the limit is reached (nothing was started).
  core::Status Start(core::financing::ScenarioRequest request, std::shared_ptr<EventStream> stream,
                     Language language);

  /// Simulations running now (for tests and metrics).
  [[nodiscard]] int running() const { return running_.load(); }
  /// Streaming simulations stopped early because their client went away.
  [[nodiscard]] int cancelled() const { return cancelled_.load(); }

 private:
  struct Job {
    std::thread thread;
    std::atomic<bool> cancel{false};
    std::atomic<bool> finished{false};
  };
  bool Acquire();
  void Release();
  void ReapFinished();  // joins finished jobs; caller holds mutex_

  const int max_running_;
  const int threads_;
  std::atomic<int> running_{0};
  std::atomic<int> cancelled_{0};
  std::mutex mutex_;
  std::list<Job> jobs_;
};

}  // namespace aantafel::http
