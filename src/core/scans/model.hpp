#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/rules.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/link_mail/model.hpp"

namespace aantafel::core::scans {

// Samenwerkingsscan (glossary: partnership scan): partners in a collaboration each score the
// statements of a template from the knowledge base; the differences start the conversation.

using calendar::Text;

/// One statement to score 1–5 (or "weet niet"), with the improvement step to agree on when it
/// scores low.
struct Statement {
  std::string id;
  Text text;
  Text action;
};

/// A group of statements from one item of the knowledge base ("from": collection/item).
struct Dimension {
  std::string id;
  std::string from;
  Text title;
  std::vector<Statement> statements;
};

/// A scan template (knowledge/scan_templates.json).
struct Template {
  std::string id;
  std::string source;  ///< key into ScanKnowledge::sources
  Text title;
  Text intro;
  std::vector<Dimension> dimensions;

  /// The statement with `id` and its dimension, or nullptr.
  [[nodiscard]] const Statement* FindStatement(std::string_view statement_id) const;
  [[nodiscard]] std::size_t statement_count() const;
};

struct ScanKnowledge {
  std::map<std::string, calendar::Source> sources;
  std::vector<std::string> scale_nl;  ///< five labels, 1 … 5
  std::vector<std::string> scale_en;
  Text dont_know;
  std::vector<Template> templates;

  [[nodiscard]] const Template* Find(std::string_view template_id) const;
};

enum class ScanStatus { kOpen, kClosed };
std::string_view ToString(ScanStatus status);

/// A scan of one collaboration with one template. `previous_scan_id` links a repeat measurement
/// to the scan it repeats.
struct Scan {
  std::int64_t id = 0;
  std::string title;
  std::string collaboration;  ///< what is being scanned, e.g. "Zorgcoöperatie Hoogland en ZorgWest"
  std::string template_id;
  ScanStatus status = ScanStatus::kOpen;
  std::optional<std::int64_t> previous_scan_id;
  std::optional<std::int64_t> created_by;
  Instant created_at{};
  std::optional<Instant> closed_at;
};

/// Someone invited by personal link. Only the organisation and an optional role label are kept
/// (no names are needed); the link's secret is stored as its SHA-256.
struct Respondent {
  std::int64_t id = 0;
  std::int64_t scan_id = 0;
  std::string organisation;
  std::string label;
  Instant expires_at{};
  std::optional<Instant> submitted_at;  ///< first submission; answers stay editable while open
  std::optional<Instant> updated_at;
  std::optional<link_mail::MailStatus> mail;  ///< when the link was mailed (and reminded)
};

/// One answer: score 1–5, or none for "weet niet"; an optional comment (sealed at rest).
struct Answer {
  std::string statement_id;
  std::optional<int> score;
  std::string comment;
};

/// Answers with who gave them, as the results computation needs them (no comments).
struct ScoredAnswer {
  std::int64_t respondent_id = 0;
  std::string organisation;
  std::string statement_id;
  std::optional<int> score;
};

}  // namespace aantafel::core::scans
