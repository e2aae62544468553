#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace aantafel::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("aantafel_static_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root / "assets");
    Write("index.html", "<!doctype html><title>app</title>");
    Write("assets/index-B4x9Qz1a.js", "console.log(1)");
    Write("assets/index-B4x9Qz1a.js.gz", "GZIPPED");
    Write("robots.txt", "User-agent: *");
    Write(".env", "SECRET=1");
    fs::create_directories(root.parent_path() / "outside");
  }
  void TearDown() override { fs::remove_all(root); }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(root / rel, std::ios::binary) << content;
  }
  HttpResponse Get(const std::string& path, const std::string& accept_encoding = "",
                   const std::string& if_none_match = "") {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    if (!accept_encoding.empty()) r.headers.Set("Accept-Encoding", accept_encoding);
    if (!if_none_match.empty()) r.headers.Set("If-None-Match", if_none_match);
    return files->Serve(r);
  }
  fs::path root;
  std::unique_ptr<StaticFiles> files = nullptr;
};

TEST_F(StaticFilesTest, ServesFilesWithContentTypeAndStrongEtag) {
  files = std::make_unique<StaticFiles>(root);
  HttpResponse r = Get("/robots.txt");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "User-agent: *");
  EXPECT_EQ(r.headers.Get("Content-Type"), "text/plain; charset=utf-8");
  auto etag = r.headers.Get("ETag");
  ASSERT_TRUE(etag);
  EXPECT_EQ(etag->front(), '"');  // strong, not W/
  EXPECT_EQ(r.headers.Get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AnswersNotModifiedForMatchingEtag) {
  files = std::make_unique<StaticFiles>(root);
  const std::string etag(*Get("/robots.txt").headers.Get("ETag"));
  HttpResponse r = Get("/robots.txt", "", etag);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(StaticFilesTest, EtagChangesWhenTheFileChanges) {
  files = std::make_unique<StaticFiles>(root);
  const std::string before(*Get("/robots.txt").headers.Get("ETag"));
  Write("robots.txt", "User-agent: * (changed, longer)");
  EXPECT_NE(std::string(*Get("/robots.txt").headers.Get("ETag")), before);
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndPrecompressed) {
  files = std::make_unique<StaticFiles>(root);
  HttpResponse plain = Get("/assets/index-B4x9Qz1a.js");
  EXPECT_EQ(plain.body, "console.log(1)");
  EXPECT_EQ(plain.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(plain.headers.Get("Content-Type"), "text/javascript; charset=utf-8");
  HttpResponse gz = Get("/assets/index-B4x9Qz1a.js", "gzip, deflate, br");
  EXPECT_EQ(gz.body, "GZIPPED");
  EXPECT_EQ(gz.headers.Get("Content-Encoding"), "gzip");
  EXPECT_EQ(gz.headers.Get("Vary"), "Accept-Encoding");
  EXPECT_NE(*gz.headers.Get("ETag"), *plain.headers.Get("ETag"));
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndex) {
  files = std::make_unique<StaticFiles>(root);
  for (const char* path : {"/", "/werkruimte/demo/gemeenten", "/login"}) {
    HttpResponse r = Get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("<title>app</title>"), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/assets/missing-12345678.js").status, 404);
  EXPECT_EQ(Get("/missing.png").status, 404);
}

TEST_F(StaticFilesTest, NeverLeavesTheRootOrServesHiddenFiles) {
  files = std::make_unique<StaticFiles>(root);
  for (const char* path : {"/../outside", "/assets/../../etc/passwd", "/.env", "/./index.html"}) {
    EXPECT_EQ(Get(path).status, 404) << path;
  }
}

TEST_F(StaticFilesTest, WithoutABuiltAppTheRootExplainsItself) {
  files = std::make_unique<StaticFiles>(root / "does-not-exist");
  HttpResponse r = Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("webapp is nog niet gebouwd"), std::string::npos);
  EXPECT_EQ(Get("/anything").status, 404);
}

TEST(IsHashedAsset, RecognisesViteNames) {
  EXPECT_TRUE(IsHashedAsset("/assets/index-B4x9Qz1a.js"));
  EXPECT_TRUE(IsHashedAsset("/assets/vendor-react-Dk3_a9x1.css"));
  EXPECT_FALSE(IsHashedAsset("/assets/logo.svg"));
  EXPECT_FALSE(IsHashedAsset("/index-B4x9Qz1a.js"));
}

}  // namespace
}  // namespace aantafel::http
