#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/financing/simulate.hpp"
#include "interchange/exports.hpp"

namespace aantafel::interchange {

/// The outputs a comparison chart can show.
enum class FinancingOutput { kMargin, kRevenue, kSpending, kCostPerClient, kCostPerResult };
/// "margin", "revenue", "spending", "cost_per_client", "cost_per_result".
std::optional<FinancingOutput> ParseFinancingOutput(std::string_view text);

/// The summary per variant as a table (one row per variant and output: mean, P5, P50, P95; the
/// probabilities of a loss and of exceeding the budget as their own rows). Numbers in the
/// export language's notation (Dutch: decimal comma), so spreadsheets read them as numbers.
Table FinancingSummaryTable(const core::financing::Summary& summary, std::string_view title,
                            ExportLanguage language);

/// A self-contained SVG comparing one output across the variants: per variant a bar from P5 to
/// P95 with the median marked and labelled, on a shared euro axis through zero. Text is
/// escaped; the chart has a <title> and <desc> for screen readers.
std::string FinancingChartSvg(const core::financing::Summary& summary, FinancingOutput output,
                              std::string_view title, ExportLanguage language);

}  // namespace aantafel::interchange
