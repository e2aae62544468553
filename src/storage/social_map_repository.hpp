#pragma once

#include "core/field_cipher.hpp"
#include "core/social_map/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// SocialMapRepository on SQL (both dialects); a consortium's point of contact is sealed.
class SqlSocialMapRepository final : public core::social_map::SocialMapRepository {
 public:
  SqlSocialMapRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  void UpsertAreas(std::int64_t ws, const std::vector<core::social_map::Area>& areas) override;
  std::vector<core::social_map::Area> ListAreas(
      std::int64_t ws, const std::optional<std::string>& municipality_code) override;
  bool DeleteArea(std::int64_t ws, const std::string& code) override;
  std::map<std::string, core::social_map::AreaFigures> AllFigures() override;
  void UpsertFigures(const std::vector<core::social_map::AreaFigures>& figures,
                     core::Instant now) override;
  std::map<std::string, core::social_map::AreaBoundary> AllBoundaries() override;
  void UpsertBoundaries(const std::vector<core::social_map::AreaBoundary>& boundaries,
                        core::Instant now) override;
  std::vector<core::social_map::AreaBoundary> BoundariesOf(
      const std::string& municipality_code) override;
  std::vector<core::social_map::AreaBoundary> MunicipalityBoundaries() override;
  std::int64_t BoundariesVersion() override;
  std::vector<std::string> EndedMunicipalities(const std::string& date) override;

  core::social_map::Service AddService(std::int64_t ws,
                                       const core::social_map::Service& service) override;
  void AddServices(std::int64_t ws,
                   const std::vector<core::social_map::Service>& services) override;
  bool UpdateService(std::int64_t ws, const core::social_map::Service& service) override;
  std::optional<core::social_map::Service> FindService(std::int64_t ws, std::int64_t id) override;
  std::vector<core::social_map::Service> ListServices(
      std::int64_t ws, const core::social_map::ServiceQuery& query) override;
  bool DeleteService(std::int64_t ws, std::int64_t id) override;

  core::social_map::Consortium AddConsortium(std::int64_t ws,
                                             const core::social_map::Consortium& c) override;
  bool UpdateConsortium(std::int64_t ws, const core::social_map::Consortium& c) override;
  std::optional<core::social_map::Consortium> FindConsortium(std::int64_t ws,
                                                             std::int64_t id) override;
  std::vector<core::social_map::Consortium> ListConsortia(std::int64_t ws) override;
  bool DeleteConsortium(std::int64_t ws, std::int64_t id) override;
  bool SetShareToken(std::int64_t ws, std::int64_t id,
                     const std::optional<std::string>& token_hash) override;
  std::optional<core::social_map::SharedConsortium> FindSharedConsortium(
      const std::string& token_hash) override;

  std::vector<std::pair<std::int64_t, std::string>> Organisations(std::int64_t ws) override;
  std::optional<std::string> MunicipalityName(const std::string& code) override;

 private:
  std::int64_t InsertService(Connection& c, std::int64_t ws, const core::social_map::Service& s);
  void WriteServiceAreas(Connection& c, std::int64_t ws, const core::social_map::Service& s);
  void LoadAreas(Connection& c, std::int64_t ws, std::vector<core::social_map::Service>& services);
  void WriteMembers(Connection& c, std::int64_t ws, const core::social_map::Consortium& consortium);
  core::social_map::Consortium ConsortiumFrom(Connection& c, std::int64_t ws, const Row& r);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage
