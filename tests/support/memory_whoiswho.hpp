#pragma once
// An in-memory Wie is wie repository for unit tests of core services: the port's contract (one
// workspace never sees another's records, lists sorted as documented) without a database. The
// storage contract tests (tests/storage) check the real repositories against the same contract.

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/whoiswho/ports.hpp"
#include "memory_rows.hpp"

namespace aantafel::testing {

class MemoryWhoIsWho final : public core::whoiswho::WhoIsWhoRepository {
 public:
  using Municipality = core::whoiswho::Municipality;
  using Organisation = core::whoiswho::Organisation;
  using Person = core::whoiswho::Person;
  using Position = core::whoiswho::Position;
  using Assessment = core::whoiswho::Assessment;

  /// Who met whom when (in the real store: the contacts of Contacten en afspraken).
  struct Meeting {
    std::int64_t ws = 0;
    std::int64_t person_id = 0;
    core::Instant at{};
  };
  std::vector<Meeting> meetings;
  /// What RecordAudit was told, as "action subject".
  std::vector<std::string> audit;

  void UpsertMunicipality(const Municipality& municipality, core::Instant /*now*/) override {
    municipalities_[municipality.code] = municipality;
  }
  void UpsertMunicipalities(std::span<const Municipality> municipalities,
                            core::Instant now) override {
    for (const auto& m : municipalities) UpsertMunicipality(m, now);
  }
  std::optional<Municipality> FindMunicipality(std::string_view code) override {
    auto it = municipalities_.find(std::string(code));
    if (it == municipalities_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<Municipality> AllMunicipalities() override {
    std::vector<Municipality> out;
    for (const auto& [code, m] : municipalities_) out.push_back(m);
    return out;
  }
  std::vector<Municipality> SearchMunicipalities(std::string_view text,
                                                 std::size_t limit) override {
    const std::string key = core::whoiswho::NameKey(text);
    std::vector<Municipality> out;
    for (const auto& [code, m] : municipalities_) {
      if (core::whoiswho::NameKey(m.name).find(key) != std::string::npos ||
          code.find(text) != std::string::npos) {
        out.push_back(m);
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Municipality& a, const Municipality& b) {
      return std::pair(a.ended_on.has_value(), a.name) < std::pair(b.ended_on.has_value(), b.name);
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  std::vector<core::whoiswho::District> DistrictsOf(std::string_view /*code*/) override {
    return {};
  }
  std::vector<core::whoiswho::MunicipalityLink> Predecessors(std::string_view /*code*/) override {
    return {};
  }
  std::vector<core::whoiswho::MunicipalityLink> Successors(std::string_view /*code*/) override {
    return {};
  }

  core::Result<Organisation> AddOrganisation(std::int64_t ws, const Organisation& org,
                                             core::Instant /*now*/) override {
    if (org.municipality_code) {
      for (const auto& existing : organisations_.All(ws)) {
        if (existing.municipality_code == org.municipality_code) {
          core::Error error = core::Error::Field("municipality_code", core::FieldIssue::kTaken);
          error.code = core::ErrorCode::kConflict;
          return error;
        }
      }
    }
    return organisations_.Add(ws, org, next_id_);
  }
  std::optional<Organisation> FindOrganisation(std::int64_t ws, std::int64_t id) override {
    return organisations_.Find(ws, id);
  }
  std::vector<Organisation> ListOrganisations(std::int64_t ws) override {
    auto out = organisations_.All(ws);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }
  std::vector<core::whoiswho::CouncilTerm> CouncilTerms(std::int64_t ws,
                                                        std::int64_t organisation_id) override {
    std::vector<core::whoiswho::CouncilTerm> out;
    for (const auto& term : terms_.All(ws)) {
      if (term.organisation_id == organisation_id) out.push_back(term);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.installation_date > b.installation_date;
    });
    return out;
  }
  core::whoiswho::CouncilTerm RecordElection(
      std::int64_t ws, const core::whoiswho::CouncilTerm& term,
      std::span<const core::whoiswho::PositionEnding> endings, core::Instant now) override {
    core::whoiswho::CouncilTerm stored = term;
    for (const auto& existing : terms_.All(ws)) {
      if (existing.organisation_id == term.organisation_id &&
          existing.installation_date == term.installation_date) {
        stored.id = existing.id;
      }
    }
    if (stored.id == 0) {
      stored = terms_.Add(ws, term, next_id_);
    } else {
      terms_.Replace(ws, stored);
    }
    if (auto* org = organisations_.Mutable(ws, term.organisation_id);
        org != nullptr && !term.seats.empty()) {
      org->seats = term.seats;
    }
    for (const auto& e : endings) SetPositionEnd(ws, e.position_id, e.ended_on, now);
    return stored;
  }

  Person AddPerson(std::int64_t ws, const Person& person) override {
    return people_.Add(ws, person, next_id_);
  }
  bool UpdatePerson(std::int64_t ws, const Person& person) override {
    return people_.Replace(ws, person);
  }
  std::optional<Person> FindPerson(std::int64_t ws, std::int64_t id) override {
    return people_.Find(ws, id);
  }
  std::vector<Person> ListPeople(std::int64_t ws,
                                 const core::whoiswho::PeopleQuery& query) override {
    std::vector<Person> out;
    for (auto person : people_.All(ws)) {
      if (!query.name_contains.empty() &&
          core::whoiswho::NameKey(person.name).find(query.name_contains) == std::string::npos) {
        continue;
      }
      if (!HasPosition(ws, person.id, query)) continue;
      if (query.quadrant) {
        const std::array<std::int64_t, 1> one{person.id};
        auto latest = LatestAssessments(ws, one);
        if (latest.empty() ||
            core::whoiswho::Classify(latest[0].scores.power, latest[0].scores.interest) !=
                *query.quadrant) {
          continue;
        }
      }
      person.email.reset();
      person.phone.reset();
      person.notes.reset();
      out.push_back(std::move(person));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.name < b.name; });
    const std::size_t from = std::min(query.offset, out.size());
    const std::size_t to = std::min(from + query.limit, out.size());
    return {out.begin() + static_cast<std::ptrdiff_t>(from),
            out.begin() + static_cast<std::ptrdiff_t>(to)};
  }
  std::vector<std::pair<std::int64_t, std::string>> PersonNames(std::int64_t ws) override {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& p : people_.All(ws)) out.emplace_back(p.id, p.name);
    return out;
  }
  std::vector<Person> PeopleNamed(std::int64_t ws, std::span<const std::string> keys) override {
    std::vector<Person> out;
    for (auto p : people_.All(ws)) {
      if (std::find(keys.begin(), keys.end(), core::whoiswho::NameKey(p.name)) != keys.end()) {
        p.notes.reset();
        out.push_back(std::move(p));
      }
    }
    return out;
  }
  bool DeletePerson(std::int64_t ws, std::int64_t id) override {
    if (!people_.Erase(ws, id)) return false;
    positions_.EraseIf(ws, [&](const Position& p) { return p.person_id == id; });
    assessments_.EraseIf(ws, [&](const Assessment& a) { return a.person_id == id; });
    return true;
  }

  Position AddPosition(std::int64_t ws, const Position& position, core::Instant /*now*/) override {
    return positions_.Add(ws, position, next_id_);
  }
  std::optional<Position> FindPosition(std::int64_t ws, std::int64_t id) override {
    return positions_.Find(ws, id);
  }
  bool SetPositionEnd(std::int64_t ws, std::int64_t id, std::optional<core::CivilDate> ended_on,
                      core::Instant /*now*/) override {
    auto* position = positions_.Mutable(ws, id);
    if (position == nullptr) return false;
    position->ended_on = ended_on;
    return true;
  }
  bool DeletePosition(std::int64_t ws, std::int64_t id) override {
    return positions_.Erase(ws, id);
  }
  std::vector<Position> PositionsOfPeople(std::int64_t ws,
                                          std::span<const std::int64_t> person_ids) override {
    std::vector<Position> out;
    for (const auto& p : positions_.All(ws)) {
      if (std::find(person_ids.begin(), person_ids.end(), p.person_id) != person_ids.end()) {
        out.push_back(p);
      }
    }
    return out;
  }
  std::vector<Position> PositionsAt(std::int64_t ws, std::int64_t organisation_id) override {
    std::vector<Position> out;
    for (const auto& p : positions_.All(ws)) {
      if (p.organisation_id == organisation_id) out.push_back(p);
    }
    return out;
  }
  std::vector<core::whoiswho::ExportLine> CurrentLines(
      std::int64_t ws, core::CivilDate today,
      std::optional<std::int64_t> organisation_id) override {
    std::vector<core::whoiswho::ExportLine> out;
    for (const auto& p : positions_.All(ws)) {
      if (!core::whoiswho::IsCurrent(p, today)) continue;
      if (organisation_id && p.organisation_id != *organisation_id) continue;
      auto org = FindOrganisation(ws, p.organisation_id);
      auto person = FindPerson(ws, p.person_id);
      if (!org || !person) continue;
      person->notes.reset();
      out.push_back({.organisation = *org, .person = *person, .position = p});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::pair(a.organisation.name, a.person.name) <
             std::pair(b.organisation.name, b.person.name);
    });
    return out;
  }

  void ApplyImport(std::int64_t ws, const core::whoiswho::ImportPlan& plan,
                   core::Instant now) override {
    std::vector<std::int64_t> new_orgs;
    std::vector<std::int64_t> new_people;
    for (const auto& o : plan.new_organisations) {
      auto added = AddOrganisation(ws, o, now);
      new_orgs.push_back(added ? added->id : 0);
    }
    for (const auto& p : plan.new_people) new_people.push_back(AddPerson(ws, p).id);
    auto resolve = [](const core::whoiswho::PlanRef& ref, const std::vector<std::int64_t>& made) {
      return ref.new_index >= 0 ? made.at(static_cast<std::size_t>(ref.new_index)) : ref.id;
    };
    for (const auto& update : plan.contact_updates) {
      auto* person = people_.Mutable(ws, update.id);
      if (person == nullptr) continue;
      person->email = update.email;
      person->phone = update.phone;
    }
    for (const auto& np : plan.new_positions) {
      Position p = np.position;
      p.person_id = resolve(np.person, new_people);
      p.organisation_id = resolve(np.organisation, new_orgs);
      AddPosition(ws, p, now);
    }
    for (const auto& e : plan.position_endings) SetPositionEnd(ws, e.position_id, e.ended_on, now);
    for (const auto& u : plan.municipality_updates) {
      auto* org = organisations_.Mutable(ws, resolve(u.organisation, new_orgs));
      if (org == nullptr) continue;
      if (u.seats) org->seats = *u.seats;
      if (u.facts) org->facts = *u.facts;
    }
  }

  Assessment AddAssessment(std::int64_t ws, const Assessment& assessment,
                           std::int64_t /*user_id*/) override {
    return assessments_.Add(ws, assessment, next_id_);
  }
  std::vector<Assessment> AssessmentsOf(std::int64_t ws, std::int64_t person_id) override {
    std::vector<Assessment> out;
    for (const auto& a : assessments_.All(ws)) {
      if (a.person_id == person_id) out.push_back(a);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::pair(a.assessed_on, a.id) < std::pair(b.assessed_on, b.id);
    });
    return out;
  }
  std::vector<Assessment> LatestAssessments(std::int64_t ws,
                                            std::span<const std::int64_t> person_ids) override {
    std::vector<Assessment> out;
    for (const std::int64_t id : person_ids) {
      auto all = AssessmentsOf(ws, id);
      if (!all.empty()) out.push_back(all.back());
    }
    return out;
  }

  std::set<std::int64_t> PeopleMetSince(std::int64_t ws, core::Instant since) override {
    std::set<std::int64_t> met;
    for (const auto& m : meetings) {
      if (m.ws == ws && m.at >= since) met.insert(m.person_id);
    }
    return met;
  }

  void RecordAudit(std::int64_t /*ws*/, std::int64_t /*user_id*/, std::string_view action,
                   std::string_view subject, core::Instant /*now*/) override {
    audit.push_back(std::string(action) + " " + std::string(subject));
  }

 private:
  bool HasPosition(std::int64_t ws, std::int64_t person_id,
                   const core::whoiswho::PeopleQuery& query) {
    if (!query.organisation_id && !query.kind && query.party.empty() && query.domain.empty()) {
      return true;
    }
    return std::ranges::any_of(positions_.All(ws), [&](const Position& p) {
      auto has = [](const std::vector<std::string>& list, const std::string& value) {
        return std::find(list.begin(), list.end(), value) != list.end();
      };
      return p.person_id == person_id && core::whoiswho::IsCurrent(p, query.today) &&
             (!query.organisation_id || p.organisation_id == *query.organisation_id) &&
             (!query.kind || p.kind == *query.kind) &&
             (query.party.empty() || core::whoiswho::NameKey(p.party) == query.party) &&
             (query.domain.empty() || has(p.domains, query.domain));
    });
  }

  std::int64_t next_id_ = 0;
  std::map<std::string, Municipality> municipalities_;
  WorkspaceRows<Organisation> organisations_;
  WorkspaceRows<core::whoiswho::CouncilTerm> terms_;
  WorkspaceRows<Person> people_;
  WorkspaceRows<Position> positions_;
  WorkspaceRows<Assessment> assessments_;
};

}  // namespace aantafel::testing
