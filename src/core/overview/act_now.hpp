#pragma once

#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/civil_date.hpp"
#include "core/overview/model.hpp"
#include "core/overview/ports.hpp"

namespace aantafel::core::relations {
class RelationsService;
}
namespace aantafel::core::feedback {
class FeedbackService;
}
namespace aantafel::core::calendar {
class PolicyCalendarService;
}
namespace aantafel::core::scans {
class ScanService;
}
namespace aantafel::core::council {
class CouncilService;
}

namespace aantafel::core::overview {

// Nu doen: each module that has something to act on offers its items through one port, so a new
// module (council information, mail) adds a source instead of editing the overview, the HTTP
// handler or the e-mail digest. OverviewService asks every registered source and ranks.

/// Plans' windows open now or opening within this many days are on the list.
inline constexpr int kWindowLookAheadDays = 21;
/// Municipal cycle events within this many days are on the list.
inline constexpr int kDeadlineLookAheadDays = 14;

/// Contacten en afspraken: follow-ups and agreements overdue or due within seven days.
class RelationsActItems final : public ActItemSource {
 public:
  explicit RelationsActItems(relations::RelationsService& relations) : relations_(relations) {}
  void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
              std::vector<ActItem>& out) override;

 private:
  relations::RelationsService& relations_;
};

/// Cliëntfeedback: callback requests that are still open (overdue once past their due time).
class CallbackActItems final : public ActItemSource {
 public:
  explicit CallbackActItems(feedback::FeedbackService& feedback) : feedback_(feedback) {}
  void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
              std::vector<ActItem>& out) override;

 private:
  feedback::FeedbackService& feedback_;
};

/// Beleidskalender: plan windows open now or soon, and the municipalities' cycle events soon.
class CalendarActItems final : public ActItemSource {
 public:
  explicit CalendarActItems(calendar::PolicyCalendarService& calendar) : calendar_(calendar) {}
  void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
              std::vector<ActItem>& out) override;

 private:
  calendar::PolicyCalendarService& calendar_;
};

/// Samenwerkingsscan: open scans that still wait for answers.
class ScanActItems final : public ActItemSource {
 public:
  explicit ScanActItems(scans::ScanService& scans) : scans_(scans) {}
  void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
              std::vector<ActItem>& out) override;

 private:
  scans::ScanService& scans_;
};

/// Raadsinformatie: meetings of followed councils within two weeks that discuss one of the
/// workspace's topics, one item per meeting and topic.
class CouncilActItems final : public ActItemSource {
 public:
  explicit CouncilActItems(council::CouncilService& council) : council_(council) {}
  void Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
              std::vector<ActItem>& out) override;

 private:
  council::CouncilService& council_;
};

/// An item's reason in words, with its numbers (Dutch or English).
std::string Explain(const ActItem& item, CivilDate today, bool english);

}  // namespace aantafel::core::overview
