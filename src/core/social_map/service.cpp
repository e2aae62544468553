#include "core/social_map/service.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace aantafel::core::social_map {

namespace {

constexpr TextRule kName{.min_chars = 1, .max_chars = 200};
constexpr TextRule kShort{.min_chars = 1, .max_chars = 100};
constexpr TextRule kContact{.min_chars = 0, .max_chars = 500, .allow_newlines = true};
constexpr TextRule kNote{.min_chars = 0, .max_chars = 1000, .allow_newlines = true};
constexpr std::size_t kMaxAreas = 500;
constexpr std::size_t kMaxGroups = 20;
constexpr std::size_t kMaxMembers = 50;
constexpr std::size_t kMaxImportRows = 2000;

bool HasOrganisation(const std::vector<std::pair<std::int64_t, std::string>>& organisations,
                     std::int64_t id) {
  return std::any_of(organisations.begin(), organisations.end(),
                     [id](const auto& o) { return o.first == id; });
}

Error RateLimited(const RateDecision& d) {
  Error e = Error::Of(ErrorCode::kRateLimited);
  e.retry_after_seconds = d.retry_after_seconds;
  return e;
}

}  // namespace

SocialMapService::SocialMapService(SocialMapRepository& repository, accounts::Crypto& crypto,
                                   Random& random, const Clock& clock)
    : repository_(repository),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      shared_views_(clock, {.attempts = 120, .period = std::chrono::seconds(60)}) {}

// ---- areas ----

Result<std::vector<Area>> SocialMapService::ListAreas(
    const accounts::WorkspaceAccess& access, const std::optional<std::string>& municipality_code) {
  if (municipality_code && !IsAreaCode(*municipality_code)) {
    return Error::Field("municipality_code", FieldIssue::kInvalidFormat);
  }
  return repository_.ListAreas(access.workspace.id, municipality_code);
}

namespace {

/// The one rule of both shared reference-data imports (key figures, boundaries): every row is
/// checked with `check`, a code may occur once, and the report counts rows new to `known` and rows
/// that replace an older or equal year with something different. The clean rows when nothing was
/// rejected (then the caller writes them all), else nullopt with the problems in line order.
template <typename Row, typename Check>
std::optional<std::vector<Row>> CheckAreaRows(const std::vector<std::pair<int, Row>>& rows,
                                              const std::map<std::string, Row>& known, Check check,
                                              AreaImportReport& report) {
  std::set<std::string> seen;
  std::vector<Row> clean;
  for (const auto& [line, row] : rows) {
    auto checked = check(row);
    if (!checked) {
      for (const auto& [field, problem] : checked.error().fields) {
        report.rejected.push_back({.line = line, .field = field, .issue = problem.issue});
      }
      continue;
    }
    if (!seen.insert(row.code).second) {
      report.rejected.push_back({.line = line, .field = "code", .issue = FieldIssue::kDuplicate});
      continue;
    }
    auto it = known.find(row.code);
    if (it == known.end()) {
      ++report.added;
    } else if (it->second.year <= row.year && !(it->second == row)) {
      ++report.updated;
    }
    clean.push_back(row);
  }
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  if (!report.rejected.empty()) {
    report.added = report.updated = 0;
    return std::nullopt;
  }
  return clean;
}

}  // namespace

AreaImportReport SocialMapService::ImportFigures(const ParsedFigures& parsed, bool dry_run) {
  AreaImportReport report{.dry_run = dry_run, .rows = static_cast<int>(parsed.rows.size())};
  report.rejected = parsed.issues;
  auto clean = CheckAreaRows(parsed.rows, repository_.AllFigures(), CheckFigures, report);
  if (clean && !dry_run) {
    repository_.UpsertFigures(*clean, clock_.Now());
    report.applied = true;
  }
  return report;
}

AreaImportReport SocialMapService::ImportBoundaries(const ParsedBoundaries& parsed, bool dry_run) {
  AreaImportReport report{
      .dry_run = dry_run, .rows = static_cast<int>(parsed.rows.size()), .skipped = parsed.skipped};
  report.rejected = parsed.issues;
  if (parsed.rows.empty() && report.rejected.empty()) {
    report.rejected.push_back({.line = 0, .field = "file", .issue = FieldIssue::kNoRows});
  }
  auto clean = CheckAreaRows(parsed.rows, repository_.AllBoundaries(), CheckBoundary, report);
  if (clean && !dry_run) {
    repository_.UpsertBoundaries(*clean, clock_.Now());
    report.applied = true;
  }
  return report;
}

std::vector<AreaBoundary> SocialMapService::ImportedBoundaries(
    const std::string& municipality_code) {
  return repository_.BoundariesOf(municipality_code);
}

std::vector<AreaBoundary> SocialMapService::ImportedMunicipalityBoundaries() {
  return repository_.MunicipalityBoundaries();
}

std::int64_t SocialMapService::BoundariesVersion() { return repository_.BoundariesVersion(); }

std::vector<std::string> SocialMapService::EndedMunicipalities() {
  return repository_.EndedMunicipalities(DutchDate(clock_.Now()).ToString());
}

Status SocialMapService::SaveAreas(const accounts::WorkspaceAccess& access,
                                   const std::vector<Area>& areas) {
  FieldErrors errors;
  if (areas.empty()) errors.Add("areas", FieldIssue::kRequired);
  if (areas.size() > kMaxImportRows) {
    errors.Add("areas", FieldIssue::kTooLong, static_cast<int>(kMaxImportRows));
  }
  std::vector<Area> clean;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < areas.size() && i < kMaxImportRows; ++i) {
    const std::string prefix = "areas[" + std::to_string(i) + "].";
    Area a = areas[i];
    if (!IsAreaCode(a.code) || a.code.starts_with("GM")) {
      errors.Add(prefix + "code", FieldIssue::kInvalidFormat);
    } else if (!seen.insert(a.code).second) {
      errors.Add(prefix + "code", FieldIssue::kDuplicate);
    } else if (!repository_.MunicipalityName(MunicipalityOf(a.code))) {
      errors.Add(prefix + "code", FieldIssue::kUnknownValue);
    }
    a.name = CheckText(prefix + "name", a.name, kName, errors).value_or("");
    a.municipality_code = MunicipalityOf(a.code);
    clean.push_back(std::move(a));
  }
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.UpsertAreas(access.workspace.id, clean);
  return Ok{};
}

Status SocialMapService::DeleteArea(const accounts::WorkspaceAccess& access,
                                    const std::string& code) {
  if (!repository_.DeleteArea(access.workspace.id, code)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

// ---- services ----

Service SocialMapService::CheckService(
    const ServiceInput& in, const std::string& prefix,
    const std::vector<std::pair<std::int64_t, std::string>>& organisations, FieldErrors& errors) {
  Service s;
  if (!in.organisation_id) {
    errors.Add(prefix + "organisation_id", FieldIssue::kRequired);
  } else if (!HasOrganisation(organisations, *in.organisation_id)) {
    errors.Add(prefix + "organisation_id", FieldIssue::kUnknownValue);
  } else {
    s.organisation_id = *in.organisation_id;
  }
  s.name = CheckText(prefix + "name", in.name, kName, errors).value_or("");
  if (auto d = ParseDomain(in.domain)) {
    s.domain = *d;
  } else {
    errors.Add(prefix + "domain",
               in.domain.empty() ? FieldIssue::kRequired : FieldIssue::kInvalidChoice);
  }
  if (auto l = ParseLaw(in.law.empty() ? "free" : in.law)) {
    s.law = *l;
  } else {
    errors.Add(prefix + "law", FieldIssue::kInvalidChoice);
  }
  if (in.target_groups.size() > kMaxGroups) {
    errors.Add(prefix + "target_groups", FieldIssue::kTooLong, static_cast<int>(kMaxGroups));
  }
  for (std::size_t i = 0; i < in.target_groups.size() && i < kMaxGroups; ++i) {
    if (auto g = CheckText(prefix + "target_groups[" + std::to_string(i) + "]", in.target_groups[i],
                           kShort, errors)) {
      s.target_groups.push_back(*g);
    }
  }
  if (in.areas.empty()) errors.Add(prefix + "areas", FieldIssue::kRequired);
  if (in.areas.size() > kMaxAreas) {
    errors.Add(prefix + "areas", FieldIssue::kTooLong, static_cast<int>(kMaxAreas));
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.areas.size() && i < kMaxAreas; ++i) {
    if (!IsAreaCode(in.areas[i])) {
      errors.Add(prefix + "areas[" + std::to_string(i) + "]", FieldIssue::kInvalidFormat);
    } else if (seen.insert(in.areas[i]).second) {
      s.areas.push_back(in.areas[i]);
    }
  }
  s.contact = CheckText(prefix + "contact", in.contact, kContact, errors).value_or("");
  s.capacity_note =
      CheckText(prefix + "capacity_note", in.capacity_note, kNote, errors).value_or("");
  if (in.waiting_weeks) {
    if (*in.waiting_weeks < 0 || *in.waiting_weeks > 520) {
      errors.Add(prefix + "waiting_weeks", FieldIssue::kInvalidFormat);
    } else {
      s.waiting_weeks = static_cast<int>(*in.waiting_weeks);
    }
  }
  s.published = in.published;
  return s;
}

Result<Service> SocialMapService::AddService(const accounts::WorkspaceAccess& access,
                                             const ServiceInput& input) {
  FieldErrors errors;
  Service s = CheckService(input, "", repository_.Organisations(access.workspace.id), errors);
  if (!errors.empty()) return std::move(errors).ToError();
  s.created_at = s.updated_at = clock_.Now();
  const Service added = repository_.AddService(access.workspace.id, s);
  return GetService(access, added.id);
}

Result<Service> SocialMapService::ReplaceService(const accounts::WorkspaceAccess& access,
                                                 std::int64_t id, const ServiceInput& input) {
  auto existing = repository_.FindService(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  Service s = CheckService(input, "", repository_.Organisations(access.workspace.id), errors);
  if (!errors.empty()) return std::move(errors).ToError();
  s.id = id;
  s.created_at = existing->created_at;
  s.updated_at = clock_.Now();
  if (!repository_.UpdateService(access.workspace.id, s)) return Error::Of(ErrorCode::kNotFound);
  return GetService(access, id);
}

Result<Service> SocialMapService::GetService(const accounts::WorkspaceAccess& access,
                                             std::int64_t id) {
  auto found = repository_.FindService(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

std::vector<Service> SocialMapService::ListServices(const accounts::WorkspaceAccess& access,
                                                    const ServiceQuery& query) {
  return repository_.ListServices(access.workspace.id, query);
}

Status SocialMapService::DeleteService(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.DeleteService(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<std::vector<RowProblem>> SocialMapService::ImportServices(
    const accounts::WorkspaceAccess& access, const std::vector<ServiceRow>& rows, int& imported) {
  imported = 0;
  if (rows.size() > kMaxImportRows) {
    return Error::Field("file", FieldIssue::kTooLong, static_cast<int>(kMaxImportRows));
  }
  const auto organisations = repository_.Organisations(access.workspace.id);
  std::vector<RowProblem> problems;
  std::vector<Service> services;
  for (const ServiceRow& row : rows) {
    ServiceInput input = row.input;
    for (const auto& [id, name] : organisations) {
      if (EqualsIgnoreAsciiCase(name, row.organisation)) input.organisation_id = id;
    }
    FieldErrors errors;
    Service s = CheckService(input, "", organisations, errors);
    if (!errors.empty()) {
      for (const auto& [field, problem] : std::move(errors).ToError().fields) {
        problems.push_back(
            {row.line, field == "organisation_id" ? "organisation" : field, problem.issue});
      }
      continue;
    }
    s.created_at = s.updated_at = clock_.Now();
    services.push_back(std::move(s));
  }
  if (!problems.empty()) return problems;
  repository_.AddServices(access.workspace.id, services);
  imported = static_cast<int>(services.size());
  return problems;
}

Result<Coverage> SocialMapService::CoverageOf(const accounts::WorkspaceAccess& access,
                                              const std::string& municipality_code,
                                              const std::optional<Domain>& domain,
                                              const std::optional<Law>& law, bool published_only) {
  if (!IsAreaCode(municipality_code) || !municipality_code.starts_with("GM")) {
    return Error::Field("municipality_code", FieldIssue::kInvalidFormat);
  }
  auto name = repository_.MunicipalityName(municipality_code);
  if (!name) return Error::Field("municipality_code", FieldIssue::kUnknownValue);
  const std::int64_t ws = access.workspace.id;
  const auto rows = CoverageRows(
      repository_.ListAreas(ws, municipality_code),
      Area{.code = municipality_code, .name = *name, .municipality_code = municipality_code});
  ServiceQuery query{.municipality_code = municipality_code, .domain = domain};
  if (published_only) query.published = true;
  std::vector<Service> services = repository_.ListServices(ws, query);
  if (law) {
    std::erase_if(services, [&](const Service& s) { return s.law != *law; });
  }
  const std::vector<Domain> domains = domain ? std::vector<Domain>{*domain} : AllDomains();
  return ComputeCoverage(rows, domains, services);
}

// ---- consortia ----

Result<Consortium> SocialMapService::CheckConsortium(std::int64_t ws, const ConsortiumInput& in) {
  FieldErrors errors;
  Consortium c;
  c.name = CheckText("name", in.name, kName, errors).value_or("");
  if (!IsAreaCode(in.municipality_code) || !in.municipality_code.starts_with("GM")) {
    errors.Add("municipality_code",
               in.municipality_code.empty() ? FieldIssue::kRequired : FieldIssue::kInvalidFormat);
  } else if (!repository_.MunicipalityName(in.municipality_code)) {
    errors.Add("municipality_code", FieldIssue::kUnknownValue);
  } else {
    c.municipality_code = in.municipality_code;
  }
  const auto organisations = repository_.Organisations(ws);
  if (in.member_ids.size() > kMaxMembers) {
    errors.Add("member_ids", FieldIssue::kTooLong, static_cast<int>(kMaxMembers));
  }
  std::set<std::int64_t> members;
  for (std::size_t i = 0; i < in.member_ids.size() && i < kMaxMembers; ++i) {
    if (!HasOrganisation(organisations, in.member_ids[i])) {
      errors.Add("member_ids[" + std::to_string(i) + "]", FieldIssue::kUnknownValue);
    } else {
      members.insert(in.member_ids[i]);
    }
  }
  c.member_ids.assign(members.begin(), members.end());
  if (in.contact_organisation_id) {
    if (!members.contains(*in.contact_organisation_id)) {
      errors.Add("contact_organisation_id", FieldIssue::kUnknownValue);
    } else {
      c.contact_organisation_id = in.contact_organisation_id;
    }
  }
  c.contact = CheckText("contact", in.contact, kContact, errors).value_or("");
  if (!errors.empty()) return std::move(errors).ToError();
  return c;
}

Result<Consortium> SocialMapService::AddConsortium(const accounts::WorkspaceAccess& access,
                                                   const ConsortiumInput& input) {
  auto checked = CheckConsortium(access.workspace.id, input);
  if (!checked) return checked.error();
  checked->created_at = clock_.Now();
  const Consortium added = repository_.AddConsortium(access.workspace.id, *checked);
  return GetConsortium(access, added.id);
}

Result<Consortium> SocialMapService::ReplaceConsortium(const accounts::WorkspaceAccess& access,
                                                       std::int64_t id,
                                                       const ConsortiumInput& input) {
  auto existing = repository_.FindConsortium(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  auto checked = CheckConsortium(access.workspace.id, input);
  if (!checked) return checked.error();
  checked->id = id;
  checked->created_at = existing->created_at;
  if (!repository_.UpdateConsortium(access.workspace.id, *checked)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return GetConsortium(access, id);
}

Result<Consortium> SocialMapService::GetConsortium(const accounts::WorkspaceAccess& access,
                                                   std::int64_t id) {
  auto found = repository_.FindConsortium(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

std::vector<Consortium> SocialMapService::ListConsortia(const accounts::WorkspaceAccess& access) {
  return repository_.ListConsortia(access.workspace.id);
}

Status SocialMapService::DeleteConsortium(const accounts::WorkspaceAccess& access,
                                          std::int64_t id) {
  if (!repository_.DeleteConsortium(access.workspace.id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

OfferView SocialMapService::BuildOffer(std::int64_t ws, const Consortium& consortium) {
  OfferView view;
  view.consortium = consortium;
  view.municipality_name = repository_.MunicipalityName(consortium.municipality_code)
                               .value_or(consortium.municipality_code);
  for (const auto& [id, name] : repository_.Organisations(ws)) {
    if (std::find(consortium.member_ids.begin(), consortium.member_ids.end(), id) !=
        consortium.member_ids.end()) {
      view.members.emplace_back(id, name);
    }
  }
  // Only published services: the rest of each member's work stays inside the workspace.
  for (const Service& s : repository_.ListServices(
           ws, {.municipality_code = consortium.municipality_code, .published = true})) {
    if (std::find(consortium.member_ids.begin(), consortium.member_ids.end(), s.organisation_id) !=
        consortium.member_ids.end()) {
      view.services.push_back(s);
    }
  }
  const auto rows = CoverageRows(repository_.ListAreas(ws, consortium.municipality_code),
                                 Area{.code = consortium.municipality_code,
                                      .name = view.municipality_name,
                                      .municipality_code = consortium.municipality_code});
  view.offer = ComputeOffer(rows, AllDomains(), view.services, consortium.member_ids);
  return view;
}

Result<OfferView> SocialMapService::Offer(const accounts::WorkspaceAccess& access,
                                          std::int64_t id) {
  auto found = repository_.FindConsortium(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return BuildOffer(access.workspace.id, *found);
}

Result<std::string> SocialMapService::Share(const accounts::WorkspaceAccess& access,
                                            std::int64_t id) {
  const std::string token = "c" + RandomToken(random_, 18);
  if (!repository_.SetShareToken(access.workspace.id, id, crypto_.Sha256Hex(token))) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return token;
}

Status SocialMapService::Unshare(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.SetShareToken(access.workspace.id, id, std::nullopt)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

Result<OfferView> SocialMapService::Shared(std::string_view token, const std::string& address) {
  if (auto d = shared_views_.Consume(address); !d.allowed) return RateLimited(d);
  if (token.size() < 8 || token.size() > 64) return Error::Of(ErrorCode::kNotFound);
  auto found = repository_.FindSharedConsortium(crypto_.Sha256Hex(token));
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return BuildOffer(found->workspace_id, found->consortium);
}

}  // namespace aantafel::core::social_map
