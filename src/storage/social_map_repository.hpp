#pragma once

#include "core/field_cipher.hpp"
#include "core/socialmap/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// SocialMapRepository on SQL (both dialects); a consortium's point of contact is sealed.
class SqlSocialMapRepository final : public core::socialmap::SocialMapRepository {
 public:
  SqlSocialMapRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  void UpsertAreas(std::int64_t ws, const std::vector<core::socialmap::Area>& areas) override;
  std::vector<core::socialmap::Area> ListAreas(
      std::int64_t ws, const std::optional<std::string>& municipality_code) override;
  bool DeleteArea(std::int64_t ws, const std::string& code) override;
  std::map<std::string, core::socialmap::AreaFigures> AllFigures() override;
  void UpsertFigures(const std::vector<core::socialmap::AreaFigures>& figures,
                     core::Instant now) override;
  std::map<std::string, core::socialmap::AreaBoundary> AllBoundaries() override;
  void UpsertBoundaries(const std::vector<core::socialmap::AreaBoundary>& boundaries,
                        core::Instant now) override;
  std::vector<core::socialmap::AreaBoundary> BoundariesOf(
      const std::string& municipality_code) override;
  std::vector<core::socialmap::AreaBoundary> MunicipalityBoundaries() override;
  std::int64_t BoundariesVersion() override;
  std::vector<std::string> EndedMunicipalities(const std::string& date) override;

  core::socialmap::Service AddService(std::int64_t ws,
                                      const core::socialmap::Service& service) override;
  void AddServices(std::int64_t ws, const std::vector<core::socialmap::Service>& services) override;
  bool UpdateService(std::int64_t ws, const core::socialmap::Service& service) override;
  std::optional<core::socialmap::Service> FindService(std::int64_t ws, std::int64_t id) override;
  std::vector<core::socialmap::Service> ListServices(
      std::int64_t ws, const core::socialmap::ServiceQuery& query) override;
  bool DeleteService(std::int64_t ws, std::int64_t id) override;

  core::socialmap::Consortium AddConsortium(std::int64_t ws,
                                            const core::socialmap::Consortium& c) override;
  bool UpdateConsortium(std::int64_t ws, const core::socialmap::Consortium& c) override;
  std::optional<core::socialmap::Consortium> FindConsortium(std::int64_t ws,
                                                            std::int64_t id) override;
  std::vector<core::socialmap::Consortium> ListConsortia(std::int64_t ws) override;
  bool DeleteConsortium(std::int64_t ws, std::int64_t id) override;
  bool SetShareToken(std::int64_t ws, std::int64_t id,
                     const std::optional<std::string>& token_hash) override;
  std::optional<core::socialmap::SharedConsortium> FindSharedConsortium(
      const std::string& token_hash) override;

  std::vector<std::pair<std::int64_t, std::string>> Organisations(std::int64_t ws) override;
  std::optional<std::string> MunicipalityName(const std::string& code) override;

 private:
  std::int64_t InsertService(Connection& c, std::int64_t ws, const core::socialmap::Service& s);
  void WriteServiceAreas(Connection& c, std::int64_t ws, const core::socialmap::Service& s);
  void LoadAreas(Connection& c, std::int64_t ws, std::vector<core::socialmap::Service>& services);
  void WriteMembers(Connection& c, std::int64_t ws, const core::socialmap::Consortium& consortium);
  core::socialmap::Consortium ConsortiumFrom(Connection& c, std::int64_t ws, const Row& r);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage
