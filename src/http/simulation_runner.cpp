#include "http/simulation_runner.hpp"

#include <nlohmann/json.hpp>

#include "http/errors.hpp"

namespace aantafel::http {

using core::financing::ScenarioRequest;
using core::financing::Summary;

namespace {

core::Error Busy() {
  core::Error e = core::Error::Of(core::ErrorCode::kRateLimited);
  e.retry_after_seconds = 1;
  return e;
}

std::string ErrorEvent(const core::Error& error, Language language) {
  return FormatServerSentEvent("error", "0", ErrorResponse(error, language).body);
}

}  // namespace

SimulationRunner::SimulationRunner(int max_running, int threads)
    : max_running_(std::max(1, max_running)), threads_(std::max(1, threads)) {}

SimulationRunner::~SimulationRunner() {
  std::lock_guard lock(mutex_);
  for (Job& job : jobs_) job.cancel = true;
  for (Job& job : jobs_) {
    if (job.thread.joinable()) job.thread.join();
  }
}

bool SimulationRunner::Acquire() {
  int now = running_.load();
  while (now < max_running_) {
    if (running_.compare_exchange_weak(now, now + 1)) return true;
  }
  return false;
}

void SimulationRunner::Release() { running_.fetch_sub(1); }

void SimulationRunner::ReapFinished() {
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->finished.load()) {
      if (it->thread.joinable()) it->thread.join();
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

core::Result<Summary> SimulationRunner::RunNow(const ScenarioRequest& request) {
  if (!Acquire()) return Busy();
  auto summary = core::financing::Simulate(
      request.scenario, {.runs = request.runs, .seed = request.seed, .threads = threads_});
  Release();
  return summary;
}

core::Status SimulationRunner::Start(ScenarioRequest request, std::shared_ptr<EventStream> stream,
                                     Language language) {
  if (!Acquire()) return Busy();
  std::lock_guard lock(mutex_);
  ReapFinished();
  Job& job = jobs_.emplace_back();
  job.thread = std::thread([this, &job, request = std::move(request), stream, language] {
    std::int64_t next_report = 0;
    core::financing::SimulationOptions options{
        .runs = request.runs, .seed = request.seed, .threads = threads_, .cancel = &job.cancel};
    // Every 5% (and at the end): few enough events for any client, and deterministic.
    options.progress = [&](std::int64_t done, std::int64_t total) {
      if (stream->closed()) job.cancel = true;  // the client went away: stop computing
      if (done < next_report && done != total) return;
      next_report = done + std::max<std::int64_t>(1, total / 20);
      stream->Push(
          FormatServerSentEvent("progress", std::to_string(done),
                                nlohmann::json{{"runs_done", done}, {"runs", total}}.dump()));
    };
    auto summary = core::financing::Simulate(request.scenario, options);
    if (!summary) {
      stream->Push(ErrorEvent(summary.error(), language));
    } else if (summary->cancelled) {
      cancelled_.fetch_add(1);
    } else {
      stream->Push(FormatServerSentEvent("summary", std::to_string(summary->runs_done),
                                         core::financing::SummaryJson(*summary).dump()));
    }
    stream->Close();
    Release();
    job.finished = true;
  });
  return core::Ok{};
}

}  // namespace aantafel::http
