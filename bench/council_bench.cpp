// Raadsinformatie topics (issue #26): what it costs to test one new council record against a
// workspace's topics — the title and description stemmed once (Dutch Snowball, accents folded),
// then every compiled topic checked — next to its floor, a plain case-insensitive substring search
// of every term in the same text (no stemming, no word boundaries: what a naive alert would do).
//
// Run: build/release/bench/council_bench
// "items_per_second" is records per second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include "core/council/model.hpp"
#include "core/council/search.hpp"

namespace {

using aantafel::core::council::CompiledTopic;
using aantafel::core::council::CompileTopics;
using aantafel::core::council::Topic;
using aantafel::core::council::TopicStems;

/// Agenda items as councils publish them: a title and a description of a few lines.
const std::vector<std::string>& Records() {
  static const std::vector<std::string> kRecords = {
      "Raadsvoorstel Beleidsplan beschermd wonen en maatschappelijke opvang 2027-2030\n"
      "Het college stelt voor het regionale beleidsplan vast te stellen. Het plan beschrijft hoe "
      "inwoners met psychische problemen zo veel mogelijk zelfstandig in de wijk wonen.",
      "Motie vreemd aan de orde van de dag: wachtlijsten jeugdhulp terugdringen\n"
      "De raad verzoekt het college met de aanbieders afspraken te maken over kortere "
      "wachttijden en de raad voor de zomer te informeren.",
      "Informatienota uitvoering Wmo 2015: cliëntervaringsonderzoek\n"
      "Jaarlijks onderzoek naar de ervaringen van inwoners met ondersteuning uit de Wmo, zoals "
      "huishoudelijke hulp, dagbesteding en hulpmiddelen.",
      "Vaststellen van de notulen van de vorige vergadering\n"
      "De notulen van de commissie Samenleving van 12 november worden vastgesteld.",
      "Kadernota 2027: uitgangspunten voor de begroting\n"
      "Met de kadernota geeft de raad richting aan de begroting. Nieuw beleid op het gebied van "
      "mantelzorg, eenzaamheid en armoede vraagt extra middelen.",
  };
  return kRecords;
}

/// `count` topics of 5 terms (one a phrase) and 2 exclusions each, in the words a care
/// organisation watches for.
std::vector<Topic> Topics(int count) {
  const std::vector<std::string> words = {"beschermd wonen",     "jeugdhulp",
                                          "mantelzorg",          "dagbesteding",
                                          "wijkverpleging",      "eenzaamheid",
                                          "schuldhulp",          "valpreventie",
                                          "huishoudelijke hulp", "maatschappelijke opvang",
                                          "cliëntondersteuning", "inkoop",
                                          "wachtlijst",          "armoede",
                                          "sociale basis"};
  std::vector<Topic> topics;
  for (int i = 0; i < count; ++i) {
    Topic topic{.id = i + 1, .name = "Onderwerp " + std::to_string(i + 1)};
    for (int t = 0; t < 5; ++t) {
      topic.terms.push_back(words[static_cast<std::size_t>(i * 5 + t) % words.size()]);
    }
    topic.exclusions = {"notulen", "rondvraag"};
    topics.push_back(std::move(topic));
  }
  return topics;
}

/// Stemming a record once (shared by all topics).
void BM_StemRecord(benchmark::State& state) {
  std::size_t n = 0;
  for (auto _ : state) {
    auto stems = TopicStems(Records()[n++ % Records().size()]);
    benchmark::DoNotOptimize(stems);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StemRecord);

/// One new record against all of a workspace's topics: stem once, then test each topic.
void BM_RecordAgainstTopics(benchmark::State& state) {
  const auto topics = Topics(static_cast<int>(state.range(0)));
  const auto compiled = CompileTopics(topics);
  std::size_t n = 0;
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto stems = TopicStems(Records()[n++ % Records().size()]);
    for (const CompiledTopic& topic : compiled) hits += topic.Matches(stems) ? 1 : 0;
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
  state.counters["topics"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_RecordAgainstTopics)->Arg(1)->Arg(10)->Arg(50);

/// Floor: lower-case the text once, then look for every term and exclusion as a substring.
void BM_NaiveSubstringFloor(benchmark::State& state) {
  const auto topics = Topics(static_cast<int>(state.range(0)));
  std::size_t n = 0;
  std::size_t hits = 0;
  for (auto _ : state) {
    std::string text = Records()[n++ % Records().size()];
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const Topic& topic : topics) {
      const auto in = [&](const std::string& term) { return text.find(term) != std::string::npos; };
      hits += std::any_of(topic.terms.begin(), topic.terms.end(), in) &&
                      std::none_of(topic.exclusions.begin(), topic.exclusions.end(), in)
                  ? 1
                  : 0;
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
  state.counters["topics"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_NaiveSubstringFloor)->Arg(1)->Arg(10)->Arg(50);

}  // namespace
