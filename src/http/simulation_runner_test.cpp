// The simulation runner bounds how many simulations run and stops one whose client is gone.
#include "http/simulation_runner.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace aantafel::http {
namespace {

using core::financing::ScenarioRequest;

ScenarioRequest Big() {
  auto parsed = core::financing::ParseScenario(R"({
    "population": {"clients": {"poisson": {"mean": 500}},
                   "intensity": {"lognormal": {"median": 20, "p90": 60}},
                   "result_share": {"range": {"min": 0.4, "max": 0.7}}},
    "costs": {"cost_per_unit": 58}, "budget": 1000000,
    "variants": [{"name": "PxQ", "form": "effort_based", "price_per_unit": 65}],
    "runs": 1000000, "seed": 3})");
  EXPECT_TRUE(parsed.ok());
  return *parsed;
}

void WaitUntilIdle(const SimulationRunner& runner) {
  for (int i = 0; i < 3000 && runner.running() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TEST(SimulationRunner, ABusyRunnerRefusesMoreAndAClosedStreamStopsItsSimulation) {
  SimulationRunner runner(1, 1);
  auto stream = std::make_shared<EventStream>();
  ASSERT_TRUE(runner.Start(Big(), stream, Language::kDutch).ok());
  EXPECT_EQ(runner.running(), 1);

  ScenarioRequest small = Big();
  small.runs = 10;
  auto refused = runner.RunNow(small);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kRateLimited);
  EXPECT_EQ(refused.error().retry_after_seconds, 1);
  EXPECT_FALSE(runner.Start(small, std::make_shared<EventStream>(), Language::kDutch).ok());

  stream->Close();  // what the server does when the connection goes
  WaitUntilIdle(runner);
  EXPECT_EQ(runner.running(), 0);
  EXPECT_EQ(runner.cancelled(), 1);
  EXPECT_TRUE(runner.RunNow(small).ok()) << "free again";
}

TEST(SimulationRunner, AFinishedStreamEndsWithTheSummaryAfterItsProgress) {
  SimulationRunner runner(2, 2);
  auto stream = std::make_shared<EventStream>();
  ScenarioRequest request = Big();
  request.runs = 2000;
  ASSERT_TRUE(runner.Start(request, stream, Language::kEnglish).ok());
  WaitUntilIdle(runner);
  ASSERT_TRUE(stream->closed());
  std::string text;
  for (auto& chunk : stream->Take()) text += chunk;
  const auto first_progress = text.find("event: progress\nid: 500\n");
  const auto last_progress = text.find("event: progress\nid: 2000\n");
  const auto summary = text.find("event: summary\nid: 2000\n");
  EXPECT_NE(first_progress, std::string::npos) << text.substr(0, 300);
  EXPECT_LT(first_progress, last_progress);
  EXPECT_LT(last_progress, summary);
  EXPECT_NE(text.find("\"runs_done\":2000"), std::string::npos);
  EXPECT_EQ(runner.cancelled(), 0);
}

}  // namespace
}  // namespace aantafel::http
