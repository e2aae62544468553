#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/social_map/model.hpp"

namespace aantafel::core::social_map {

struct ServiceQuery {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::string> municipality_code;  ///< works somewhere in this municipality
  std::optional<Domain> domain;
  std::optional<bool> published;
};

/// A consortium found by its read-only link.
struct SharedConsortium {
  std::int64_t workspace_id = 0;
  Consortium consortium;
};

/// Port: areas, services and consortia. Every staff call names the workspace.
class SocialMapRepository {
 public:
  virtual ~SocialMapRepository() = default;

  /// Inserts or renames, all in one transaction.
  virtual void UpsertAreas(std::int64_t ws, const std::vector<Area>& areas) = 0;
  /// By code; optionally of one municipality.
  virtual std::vector<Area> ListAreas(std::int64_t ws,
                                      const std::optional<std::string>& municipality_code) = 0;
  virtual bool DeleteArea(std::int64_t ws, const std::string& code) = 0;

  // CBS key figures of areas: shared reference data, like the register.
  /// Every area's figures, by code.
  virtual std::map<std::string, AreaFigures> AllFigures() = 0;
  /// Inserts or replaces, all in one transaction; figures of an earlier year never replace
  /// those of a later one.
  virtual void UpsertFigures(const std::vector<AreaFigures>& figures, Instant now) = 0;

  // Imported boundaries (neighbourhoods, newer years): shared reference data.
  /// Every imported boundary, by code.
  virtual std::map<std::string, AreaBoundary> AllBoundaries() = 0;
  /// Inserts or replaces, all in one transaction, and moves BoundariesVersion on; an outline of
  /// an earlier year never replaces one of a later year.
  virtual void UpsertBoundaries(const std::vector<AreaBoundary>& boundaries, Instant now) = 0;
  /// The imported boundaries of one municipality (itself, its districts and neighbourhoods).
  virtual std::vector<AreaBoundary> BoundariesOf(const std::string& municipality_code) = 0;
  /// The imported municipality outlines.
  virtual std::vector<AreaBoundary> MunicipalityBoundaries() = 0;
  /// Changes with every import of boundaries (0: none yet), so maps made from them can be kept.
  virtual std::int64_t BoundariesVersion() = 0;
  /// Municipalities whose last day (a merger or split) is before `date` (YYYY-MM-DD).
  virtual std::vector<std::string> EndedMunicipalities(const std::string& date) = 0;

  virtual Service AddService(std::int64_t ws, const Service& service) = 0;
  /// Adds all or nothing (one transaction).
  virtual void AddServices(std::int64_t ws, const std::vector<Service>& services) = 0;
  virtual bool UpdateService(std::int64_t ws, const Service& service) = 0;
  virtual std::optional<Service> FindService(std::int64_t ws, std::int64_t id) = 0;
  /// By organisation name, then service name.
  virtual std::vector<Service> ListServices(std::int64_t ws, const ServiceQuery& query) = 0;
  virtual bool DeleteService(std::int64_t ws, std::int64_t id) = 0;

  virtual Consortium AddConsortium(std::int64_t ws, const Consortium& consortium) = 0;
  virtual bool UpdateConsortium(std::int64_t ws, const Consortium& consortium) = 0;
  virtual std::optional<Consortium> FindConsortium(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<Consortium> ListConsortia(std::int64_t ws) = 0;
  virtual bool DeleteConsortium(std::int64_t ws, std::int64_t id) = 0;
  /// Sets (or, with nullopt, removes) the SHA-256 of the read-only link's secret.
  virtual bool SetShareToken(std::int64_t ws, std::int64_t id,
                             const std::optional<std::string>& token_hash) = 0;
  virtual std::optional<SharedConsortium> FindSharedConsortium(const std::string& token_hash) = 0;

  /// The workspace's organisations as (id, name) for checks and names.
  virtual std::vector<std::pair<std::int64_t, std::string>> Organisations(std::int64_t ws) = 0;
  virtual std::optional<std::string> MunicipalityName(const std::string& code) = 0;
};

}  // namespace aantafel::core::social_map
