#pragma once

#include <string>
#include <string_view>

#include "http/app.hpp"
#include "http/types.hpp"
#include "support/text.hpp"

namespace aantafel::fuzz {

/// Answers `request` through the application; traps on a 5xx answer (every input must get a 2xx
/// or 4xx). With AANTAFEL_FUZZ_VERBOSE=1 in the environment it prints request and status, for
/// replaying a single input.
http::HttpResponse Handle(http::HttpRequest& request);

/// The whole HTTP application as the server runs it (http::App over app::Runtime), on a fresh
/// SQLite database in a private temporary directory, built once per fuzz process. The failure
/// logger aborts: a request that reaches it (an exception escaping a handler, answered with 500)
/// is a bug the fuzzer should report, not swallow.
class FuzzApp {
 public:
  static FuzzApp& Get();

  http::App& app();
  /// A bearer token of an owner of workspace `slug()` (for the authenticated JSON endpoints).
  [[nodiscard]] const std::string& bearer() const;
  [[nodiscard]] static std::string_view slug() { return "fuzz"; }

 private:
  FuzzApp();
  struct State;
  State* state_;
};

}  // namespace aantafel::fuzz
