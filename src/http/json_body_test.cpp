#include "http/json_body.hpp"

#include <gtest/gtest.h>

namespace aantafel::http {
namespace {

using core::ErrorCode;
using core::FieldIssue;

HttpRequest Json(std::string body, std::string type = "application/json; charset=utf-8") {
  HttpRequest r;
  r.method = "POST";
  r.headers.Set("Content-Type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(JsonObjectReader, ReadsKnownFields) {
  auto reader = JsonObjectReader::Parse(Json(R"({"email":"a@b.nl","n":3})"));
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->String("email"), "a@b.nl");
  EXPECT_EQ(reader->Integer("n"), 3);
  EXPECT_TRUE(reader->Finish().ok());
}

TEST(JsonObjectReader, RefusesWrongContentType) {
  auto reader = JsonObjectReader::Parse(Json("{}", "text/plain"));
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::kUnsupportedMediaType);
}

TEST(JsonObjectReader, MalformedBodiesAreNamedUnderBody) {
  struct Case {
    std::string body;
    FieldIssue issue;
  };
  const Case cases[] = {
      {"{", FieldIssue::kInvalidFormat},
      {"", FieldIssue::kInvalidFormat},
      {"[1,2]", FieldIssue::kInvalidType},
      {"{\"a\":\"\xC3\"}", FieldIssue::kInvalidUtf8},
      {std::string(100, '[') + std::string(100, ']'), FieldIssue::kInvalidFormat},
      // A raw NUL ends the document for some readers; what follows must not be ignored.
      {std::string("{\"name\":\"x\"}\0GARBAGE", 20), FieldIssue::kInvalidFormat},
      {std::string("{\"name\":\"x\0y\"}", 14), FieldIssue::kInvalidFormat},
      // Which of two equal keys counts would be a guess.
      {R"({"name":"a","name":"b"})", FieldIssue::kDuplicate},
      {R"({"items":[{"code":"1","code":"2"}]})", FieldIssue::kDuplicate},
  };
  for (const auto& c : cases) {
    auto reader = JsonObjectReader::Parse(Json(c.body));
    ASSERT_FALSE(reader.ok()) << c.body;
    EXPECT_EQ(reader.error().code, ErrorCode::kMalformedRequest);
    ASSERT_EQ(reader.error().fields.count("body"), 1U);
    EXPECT_EQ(reader.error().fields.at("body").issue, c.issue) << c.body;
  }
}

TEST(JsonObjectReader, RefusesACharsetOtherThanUtf8) {
  for (const char* type :
       {"application/json; charset=iso-8859-1", "application/json;charset=latin1",
        "application/json; charset=\"windows-1252\""}) {
    auto reader = JsonObjectReader::Parse(Json(R"({"a":"b"})", type));
    ASSERT_FALSE(reader.ok()) << type;
    EXPECT_EQ(reader.error().fields.at("body").issue, FieldIssue::kInvalidUtf8) << type;
  }
  for (const char* type :
       {"application/json", "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"",
        "Application/JSON; Charset=utf8"}) {
    EXPECT_TRUE(JsonObjectReader::Parse(Json(R"({"a":"b"})", type)).ok()) << type;
  }
  // Equal keys in different objects are fine.
  EXPECT_TRUE(JsonObjectReader::Parse(Json(R"({"a":{"x":1},"b":{"x":2}})")).ok());
}

TEST(JsonObjectReader, CollectsEveryFieldProblem) {
  auto reader = JsonObjectReader::Parse(
      Json(R"({"email":5,"name":"x","extra":true,"long":")" + std::string(40, 'x') + R"("})"));
  ASSERT_TRUE(reader.ok());
  EXPECT_FALSE(reader->String("email"));
  EXPECT_FALSE(reader->String("password"));
  EXPECT_TRUE(reader->String("name"));
  EXPECT_FALSE(reader->String("long", true, 32));
  auto done = reader->Finish();
  ASSERT_FALSE(done.ok());
  const auto& fields = done.error().fields;
  EXPECT_EQ(done.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(fields.at("email").issue, FieldIssue::kInvalidType);
  EXPECT_EQ(fields.at("password").issue, FieldIssue::kRequired);
  EXPECT_EQ(fields.at("extra").issue, FieldIssue::kUnknownField);
  EXPECT_EQ(fields.at("long").issue, FieldIssue::kTooLong);
  EXPECT_EQ(fields.count("name"), 0U);
}

TEST(JsonObjectReader, NullClearsOnlyWhatTheHandlerDeclaredClearable) {
  {
    // A PATCH with "name": null must not be read as "leave the name as it is".
    auto reader = JsonObjectReader::Parse(Json(R"({"name":null,"due_on":null})"));
    ASSERT_TRUE(reader.ok());
    EXPECT_FALSE(reader->String("name", /*required=*/false));
    EXPECT_TRUE(reader->IsNull("due_on"));
    EXPECT_FALSE(reader->String("due_on", /*required=*/false));
    auto done = reader->Finish();
    ASSERT_FALSE(done.ok());
    ASSERT_EQ(done.error().fields.size(), 1U);
    EXPECT_EQ(done.error().fields.at("name").issue, FieldIssue::kNotNullable);
  }
  auto required = JsonObjectReader::Parse(Json(R"({"name":null})"));
  ASSERT_TRUE(required.ok());
  EXPECT_FALSE(required->String("name", /*required=*/true));
  EXPECT_EQ(required->Finish().error().fields.at("name").issue, FieldIssue::kRequired);
}

}  // namespace
}  // namespace aantafel::http
