#include "core/scans/results.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace aantafel::core::scans {

namespace {

struct Tally {
  std::vector<int> scores;
  int dont_know = 0;

  [[nodiscard]] Score ToScore() const {
    Score s;
    s.respondents = static_cast<int>(scores.size());
    s.dont_know = dont_know;
    if (!scores.empty()) {
      s.mean = static_cast<double>(std::accumulate(scores.begin(), scores.end(), 0)) /
               static_cast<double>(scores.size());
    }
    return s;
  }
};

std::optional<double> Spread(const std::vector<int>& scores) {
  if (scores.size() < 2) return std::nullopt;
  const double n = static_cast<double>(scores.size());
  const double mean = std::accumulate(scores.begin(), scores.end(), 0.0) / n;
  double sum = 0.0;
  for (const int s : scores) sum += (s - mean) * (s - mean);
  return std::sqrt(sum / n);
}

std::optional<double> MeanOf(const std::vector<std::optional<double>>& values) {
  double sum = 0.0;
  int n = 0;
  for (const auto& v : values) {
    if (v) {
      sum += *v;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace

const Statement* Template::FindStatement(std::string_view statement_id) const {
  for (const auto& d : dimensions) {
    for (const auto& s : d.statements) {
      if (s.id == statement_id) return &s;
    }
  }
  return nullptr;
}

std::size_t Template::statement_count() const {
  std::size_t n = 0;
  for (const auto& d : dimensions) n += d.statements.size();
  return n;
}

const Template* ScanKnowledge::Find(std::string_view template_id) const {
  for (const auto& t : templates) {
    if (t.id == template_id) return &t;
  }
  return nullptr;
}

std::string_view ToString(ScanStatus status) {
  return status == ScanStatus::kOpen ? "open" : "closed";
}

ScanResults ComputeResults(const Template& tmpl, const std::vector<ScoredAnswer>& answers,
                           std::size_t weakest_count) {
  ScanResults out;
  // Respondents per organisation: everyone who answered at least one known statement.
  std::map<std::string, std::set<std::int64_t>> people;
  std::set<std::int64_t> everyone;
  // statement → organisation → tally, and statement → all.
  std::map<std::string, std::map<std::string, Tally>> by_org;
  std::map<std::string, Tally> all;
  for (const ScoredAnswer& a : answers) {
    if (tmpl.FindStatement(a.statement_id) == nullptr) continue;
    if (a.score && (*a.score < 1 || *a.score > 5)) continue;
    people[a.organisation].insert(a.respondent_id);
    everyone.insert(a.respondent_id);
    Tally& org = by_org[a.statement_id][a.organisation];
    Tally& total = all[a.statement_id];
    if (a.score) {
      org.scores.push_back(*a.score);
      total.scores.push_back(*a.score);
    } else {
      ++org.dont_know;
      ++total.dont_know;
    }
  }
  out.respondents = static_cast<int>(everyone.size());
  out.shown = out.respondents >= kMinRespondentsShown;
  std::set<std::string> shown_orgs;
  for (const auto& [name, ids] : people) {
    OrganisationScore o{.organisation = name, .respondents = static_cast<int>(ids.size())};
    o.shown = o.respondents >= kMinRespondentsShown;
    if (o.shown) shown_orgs.insert(name);
    out.organisations.push_back(o);
  }
  if (!out.shown) return out;

  for (const Dimension& d : tmpl.dimensions) {
    DimensionResult dr{.dimension_id = d.id};
    std::vector<std::optional<double>> statement_means;
    std::map<std::string, std::vector<std::optional<double>>> org_means;
    for (const Statement& s : d.statements) {
      StatementResult sr{.statement_id = s.id, .dimension_id = d.id};
      sr.overall = all[s.id].ToScore();
      sr.spread = Spread(all[s.id].scores);
      std::vector<double> shown_means;
      for (const auto& name : shown_orgs) {
        OrganisationScore o{.organisation = name,
                            .respondents = static_cast<int>(people[name].size()),
                            .shown = true};
        o.score = by_org[s.id][name].ToScore();
        if (o.score.mean) shown_means.push_back(*o.score.mean);
        org_means[name].push_back(o.score.mean);
        sr.organisations.push_back(o);
      }
      if (shown_means.size() >= 2) {
        const auto [lo, hi] = std::minmax_element(shown_means.begin(), shown_means.end());
        sr.organisation_difference = *hi - *lo;
      }
      statement_means.push_back(sr.overall.mean);
      out.statements.push_back(std::move(sr));
    }
    dr.overall = MeanOf(statement_means);
    for (const auto& name : shown_orgs)
      dr.organisations.emplace_back(name, MeanOf(org_means[name]));
    out.dimensions.push_back(std::move(dr));
  }
  out.gaps = RankGaps(out.statements);

  std::vector<const StatementResult*> scored;
  for (const auto& s : out.statements) {
    if (s.overall.mean) scored.push_back(&s);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto* a, const auto* b) {
    return *a->overall.mean < *b->overall.mean;
  });
  for (std::size_t i = 0; i < scored.size() && i < weakest_count; ++i) {
    out.weakest.push_back(scored[i]->statement_id);
  }
  return out;
}

std::vector<std::string> RankGaps(const std::vector<StatementResult>& statements) {
  const bool by_organisation =
      std::any_of(statements.begin(), statements.end(),
                  [](const StatementResult& s) { return s.organisations.size() >= 2; });
  struct Entry {
    const StatementResult* s;
    double primary;
    double secondary;
  };
  std::vector<Entry> entries;
  for (const auto& s : statements) {
    if (s.overall.respondents < 2 || !s.spread) continue;
    const double difference = s.organisation_difference.value_or(0.0);
    const double primary = by_organisation ? difference : *s.spread;
    const double secondary = by_organisation ? *s.spread : difference;
    if (primary <= 0.0 && secondary <= 0.0) continue;
    entries.push_back({&s, primary, secondary});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.primary != b.primary) return a.primary > b.primary;
    return a.secondary > b.secondary;
  });
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.s->statement_id);
  return out;
}

std::vector<DimensionChange> CompareResults(const Template& tmpl, const ScanResults& before,
                                            const ScanResults& now) {
  auto overall = [](const ScanResults& r, const std::string& id) -> std::optional<double> {
    if (!r.shown) return std::nullopt;
    for (const auto& d : r.dimensions) {
      if (d.dimension_id == id) return d.overall;
    }
    return std::nullopt;
  };
  std::vector<DimensionChange> out;
  for (const Dimension& d : tmpl.dimensions) {
    DimensionChange c{
        .dimension_id = d.id, .before = overall(before, d.id), .now = overall(now, d.id)};
    if (c.before && c.now) c.change = *c.now - *c.before;
    out.push_back(c);
  }
  return out;
}

}  // namespace aantafel::core::scans
