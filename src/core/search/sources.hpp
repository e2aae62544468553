#pragma once

#include "core/search/service.hpp"

namespace aantafel::core::whoiswho {
class WhoIsWhoService;
}
namespace aantafel::core::relations {
class RelationsService;
}
namespace aantafel::core::calendar {
class PolicyCalendarService;
}
namespace aantafel::core::feedback {
class FeedbackService;
}
namespace aantafel::core::financing {
class ScenarioService;
}
namespace aantafel::core::scans {
class ScanService;
}
namespace aantafel::core::social_map {
class SocialMapService;
}
namespace aantafel::core::advisor {
class AdvisorService;
}
namespace aantafel::core::council {
class CouncilService;
}

namespace aantafel::core::search {

// One SearchSource per module, registered by the composition root (decision 43). Each reads
// through its module's service, so what a member may read is what search may show.

/// Contacts and feedback answers searched per query: the newest this many (their text is sealed
/// at rest, so it is opened to be searched; older ones are found through the module's filters).
inline constexpr std::size_t kNewestSearched = 5000;

/// Wie is wie: people (by name, with their current role), organisations, and the municipalities
/// of the register (shared reference data).
class WhoIsWhoSearch final : public SearchSource {
 public:
  explicit WhoIsWhoSearch(whoiswho::WhoIsWhoService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  whoiswho::WhoIsWhoService& service_;
};

/// Contacten: contacts (subject, organisation, notes) and agreements (title, description).
class RelationsSearch final : public SearchSource {
 public:
  explicit RelationsSearch(relations::RelationsService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  relations::RelationsService& service_;
};

/// Beleidskalender: plans (title, core message, description).
class CalendarSearch final : public SearchSource {
 public:
  explicit CalendarSearch(calendar::PolicyCalendarService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  calendar::PolicyCalendarService& service_;
};

/// Cliëntfeedback: surveys (name, team, service) and the open answers of clients.
class FeedbackSearch final : public SearchSource {
 public:
  explicit FeedbackSearch(feedback::FeedbackService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  feedback::FeedbackService& service_;
};

/// Bekostiging: saved scenarios (name, municipality, description).
class FinancingSearch final : public SearchSource {
 public:
  explicit FinancingSearch(financing::ScenarioService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  financing::ScenarioService& service_;
};

/// Samenwerkingsscan: scans (title, collaboration).
class ScanSearch final : public SearchSource {
 public:
  explicit ScanSearch(scans::ScanService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  scans::ScanService& service_;
};

/// Sociale kaart: services (name, provider, capacity note) and consortia.
class SocialMapSearch final : public SearchSource {
 public:
  explicit SocialMapSearch(social_map::SocialMapService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  social_map::SocialMapService& service_;
};

/// Kennisbank: the strategies and the knowledge collections (shared reference data).
class KnowledgeSearch final : public SearchSource {
 public:
  explicit KnowledgeSearch(advisor::AdvisorService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  advisor::AdvisorService& service_;
};

/// Raad: meetings, agenda items, documents and motions of the councils the workspace follows
/// (full text, Dutch stems; decision 45).
class CouncilSearch final : public SearchSource {
 public:
  explicit CouncilSearch(council::CouncilService& service) : service_(service) {}
  void Search(const accounts::WorkspaceAccess& access, const Query& query,
              const SearchContext& context, std::vector<Hit>& out) override;

 private:
  council::CouncilService& service_;
};

}  // namespace aantafel::core::search
