// CBS and PDOK files (`aantafel import municipalities`, `import area-figures` and
// `import boundaries`, the register import API): the parsers never throw, whatever the input — one
// document (a v3 bundle, or v4 answers by name), or the input split at its first NUL into two
// documents (TypedDataSet and DataProperties, or two v4 answers).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interchange/boundaries.hpp"
#include "interchange/imports.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = aantafel::fuzz::AsText(data, size);
  (void)aantafel::interchange::ParseCbsJson(text);
  const auto split = text.find('\0');
  const std::string_view parts[] = {text.substr(0, split), split == std::string_view::npos
                                                               ? std::string_view()
                                                               : text.substr(split + 1)};
  (void)aantafel::interchange::ParseCbsJson(parts);
  (void)aantafel::interchange::ParseAreaFigures(parts, std::nullopt);
  (void)aantafel::interchange::ParseAreaFigures(parts, 2024);
  (void)aantafel::interchange::ParseBoundaries(parts, std::nullopt);
  (void)aantafel::interchange::NextPageLink(text);
  return 0;
}
