#include "http/errors.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace aantafel::http {
namespace {

using core::Error;
using core::ErrorCode;

TEST(ErrorTable, EveryCodeHasItsOwnStatusAndBothLanguages) {
  const std::pair<ErrorCode, int> expected[] = {
      {ErrorCode::kInvalidInput, 422},
      {ErrorCode::kMalformedRequest, 400},
      {ErrorCode::kUnauthenticated, 401},
      {ErrorCode::kInvalidCredentials, 401},
      {ErrorCode::kForbidden, 403},
      {ErrorCode::kCsrfFailed, 403},
      {ErrorCode::kNotFound, 404},
      {ErrorCode::kMethodNotAllowed, 405},
      {ErrorCode::kConflict, 409},
      {ErrorCode::kLastOwner, 409},
      {ErrorCode::kPayloadTooLarge, 413},
      {ErrorCode::kHeadersTooLarge, 431},
      {ErrorCode::kUnsupportedMediaType, 415},
      {ErrorCode::kRateLimited, 429},
      {ErrorCode::kUnavailable, 503},
      {ErrorCode::kInternal, 500},
  };
  for (const auto& [code, status] : expected) {
    EXPECT_EQ(HttpStatus(code), status) << ToString(code);
    const std::string nl = ErrorMessage(Error::Of(code), Language::kDutch);
    const std::string en = ErrorMessage(Error::Of(code), Language::kEnglish);
    EXPECT_FALSE(nl.empty());
    EXPECT_NE(nl, en) << ToString(code);
  }
}

TEST(ErrorResponse, HasCodeMessageAndFieldsInTheAskedLanguage) {
  Error e = Error::Field("email", core::FieldIssue::kTooLong, 254);
  auto nl = nlohmann::json::parse(ErrorResponse(e, Language::kDutch).body);
  EXPECT_EQ(nl["error"]["code"], "invalid_input");
  EXPECT_EQ(nl["error"]["fields"]["email"], "Gebruik hoogstens 254 tekens.");
  auto en = nlohmann::json::parse(ErrorResponse(e, Language::kEnglish).body);
  EXPECT_EQ(en["error"]["fields"]["email"], "Use at most 254 characters.");
}

TEST(ErrorResponse, SetsRetryAfterAndAllow) {
  Error limited = Error::Of(ErrorCode::kRateLimited);
  limited.retry_after_seconds = 17;
  HttpResponse r = ErrorResponse(limited, Language::kDutch);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.headers.Get("Retry-After"), "17");
  EXPECT_NE(r.body.find("17 seconden"), std::string::npos);

  Error method = Error::Of(ErrorCode::kMethodNotAllowed);
  method.allow = "GET, HEAD";
  EXPECT_EQ(ErrorResponse(method, Language::kDutch).headers.Get("Allow"), "GET, HEAD");
}

TEST(ErrorResponse, NeverLeaksInternalDetail) {
  Error e = Error::Of(ErrorCode::kInternal);
  e.detail = "SELECT secret FROM table";
  EXPECT_EQ(ErrorResponse(e, Language::kDutch).body.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace aantafel::http
