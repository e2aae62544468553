// CSV import of people and positions (`aantafel import`, POST
// /api/v1/workspaces/{slug}/imports/people_csv): ParsePeopleCsv never throws; every problem becomes
// an ImportIssue.
#include <cstddef>
#include <cstdint>

#include "interchange/imports.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)aantafel::interchange::ParsePeopleCsv(aantafel::fuzz::AsText(data, size));
  return 0;
}
