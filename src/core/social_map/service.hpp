#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "core/social_map/coverage.hpp"
#include "core/social_map/ports.hpp"

namespace aantafel::core::social_map {

/// A service as typed (strings, checked here).
struct ServiceInput {
  std::optional<std::int64_t> organisation_id;
  std::string name;
  std::string domain;
  std::string law;
  std::vector<std::string> target_groups;
  std::vector<std::string> areas;
  std::string contact;
  std::string capacity_note;
  std::optional<std::int64_t> waiting_weeks;
  bool published = false;
};

/// One row of a services file, with its line; `organisation` is matched by name.
struct ServiceRow {
  int line = 0;
  std::string organisation;
  ServiceInput input;
};

/// A problem in an imported file: line and column.
struct RowProblem {
  int line = 0;
  std::string field;
  FieldIssue issue = FieldIssue::kInvalidFormat;
};

struct ConsortiumInput {
  std::string name;
  std::string municipality_code;
  std::vector<std::int64_t> member_ids;
  std::optional<std::int64_t> contact_organisation_id;
  std::string contact;
};

/// What a consortium's page and its shared link show.
struct OfferView {
  Consortium consortium;
  std::string municipality_name;
  std::vector<std::pair<std::int64_t, std::string>> members;  ///< id, name
  std::vector<Service> services;                              ///< published services of members
  ConsortiumOffer offer;
};

/// Use cases of the Sociale kaart and consortia.
class SocialMapService {
 public:
  SocialMapService(SocialMapRepository& repository, accounts::Crypto& crypto, Random& random,
                   const Clock& clock);

  Result<std::vector<Area>> ListAreas(const accounts::WorkspaceAccess& access,
                                      const std::optional<std::string>& municipality_code);
  /// Adds or renames areas (all or nothing). Errors name "areas[i].code" / "areas[i].name".
  Status SaveAreas(const accounts::WorkspaceAccess& access, const std::vector<Area>& areas);
  Status DeleteArea(const accounts::WorkspaceAccess& access, const std::string& code);
  /// CBS key figures (shared reference data; the operator's command line): every row checked
  /// first, nothing written when one is wrong or on a dry run.
  AreaImportReport ImportFigures(const ParsedFigures& parsed, bool dry_run);
  /// Boundaries of municipalities, districts and neighbourhoods (shared reference data; the
  /// operator's command line): every outline checked, all or nothing; an outline of an earlier
  /// year than the stored one is counted but does not replace it.
  AreaImportReport ImportBoundaries(const ParsedBoundaries& parsed, bool dry_run);
  /// The imported outlines of one municipality: itself, its districts and neighbourhoods.
  std::vector<AreaBoundary> ImportedBoundaries(const std::string& municipality_code);
  /// The imported municipality outlines.
  std::vector<AreaBoundary> ImportedMunicipalityBoundaries();
  /// Changes with every boundaries import; 0 before the first.
  std::int64_t BoundariesVersion();
  /// Municipalities that no longer exist today (merged or split).
  std::vector<std::string> EndedMunicipalities();

  Result<Service> AddService(const accounts::WorkspaceAccess& access, const ServiceInput& input);
  Result<Service> ReplaceService(const accounts::WorkspaceAccess& access, std::int64_t id,
                                 const ServiceInput& input);
  Result<Service> GetService(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<Service> ListServices(const accounts::WorkspaceAccess& access,
                                    const ServiceQuery& query);
  Status DeleteService(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// Checks every row; stores all of them, or none and returns the problems.
  Result<std::vector<RowProblem>> ImportServices(const accounts::WorkspaceAccess& access,
                                                 const std::vector<ServiceRow>& rows,
                                                 int& imported);

  /// The matrix of a municipality for the given services filter (domain and law optional).
  Result<Coverage> CoverageOf(const accounts::WorkspaceAccess& access,
                              const std::string& municipality_code,
                              const std::optional<Domain>& domain, const std::optional<Law>& law,
                              bool published_only);

  Result<Consortium> AddConsortium(const accounts::WorkspaceAccess& access,
                                   const ConsortiumInput& input);
  Result<Consortium> ReplaceConsortium(const accounts::WorkspaceAccess& access, std::int64_t id,
                                       const ConsortiumInput& input);
  Result<Consortium> GetConsortium(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<Consortium> ListConsortia(const accounts::WorkspaceAccess& access);
  Status DeleteConsortium(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// The joint offer: published services of the members only.
  Result<OfferView> Offer(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// A new read-only link (replacing any earlier one); the secret is returned once.
  Result<std::string> Share(const accounts::WorkspaceAccess& access, std::int64_t id);
  Status Unshare(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// The offer behind a read-only link. kNotFound for unknown or withdrawn links; kRateLimited.
  Result<OfferView> Shared(std::string_view token, const std::string& address);

 private:
  /// The checked service; problems go to `errors` under `prefix` + field.
  Service CheckService(const ServiceInput& input, const std::string& prefix,
                       const std::vector<std::pair<std::int64_t, std::string>>& organisations,
                       FieldErrors& errors);
  Result<Consortium> CheckConsortium(std::int64_t ws, const ConsortiumInput& input);
  OfferView BuildOffer(std::int64_t ws, const Consortium& consortium);

  SocialMapRepository& repository_;
  accounts::Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  RateLimiter shared_views_;
};

}  // namespace aantafel::core::social_map
