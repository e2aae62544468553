#include "http/compression.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace aantafel::http {
namespace {

std::string Gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

HttpRequest Request(const std::string& accept_encoding, const std::string& cookie = "") {
  HttpRequest r;
  r.method = "GET";
  r.path = "/f/abc";
  if (!accept_encoding.empty()) r.headers.Set("Accept-Encoding", accept_encoding);
  if (!cookie.empty()) r.headers.Set("Cookie", cookie);
  return r;
}

HttpResponse Page(std::string type = "text/html; charset=utf-8", std::size_t size = 4000) {
  HttpResponse response;
  response.headers.Set("Content-Type", type);
  std::string body = "<!doctype html><p>";
  while (body.size() < size) body += "Hoe waarschijnlijk is het dat u ons aanbeveelt? ";
  response.body = body;
  return response;
}

TEST(Compression, ReadsAcceptEncodingWithQualities) {
  EXPECT_TRUE(AcceptsGzip(Request("gzip, deflate, br")));
  EXPECT_TRUE(AcceptsGzip(Request("br;q=1.0, GZIP;q=0.5")));
  EXPECT_TRUE(AcceptsGzip(Request("*")));
  EXPECT_FALSE(AcceptsGzip(Request("")));
  EXPECT_FALSE(AcceptsGzip(Request("identity")));
  EXPECT_FALSE(AcceptsGzip(Request("gzip;q=0")));
  EXPECT_FALSE(AcceptsGzip(Request("gzip;q=0.000, *")));
  EXPECT_FALSE(AcceptsGzip(Request("*;q=0")));
  EXPECT_FALSE(AcceptsGzip(Request("x-gzip-not")));
}

TEST(Compression, APublicPageIsGzippedAndReadsTheSame) {
  HttpResponse response = Page();
  const std::string original = response.body;
  CompressPublicResponse(Request("gzip, br"), response);
  EXPECT_EQ(response.headers.Get("Content-Encoding"), "gzip");
  EXPECT_EQ(response.headers.Get("Vary"), "Accept-Encoding");
  EXPECT_LT(response.body.size(), original.size() / 4);
  EXPECT_EQ(Gunzip(response.body), original);
}

TEST(Compression, LeavesAloneWhatMustNotOrNeedNotBeCompressed) {
  auto unchanged = [](HttpRequest request, HttpResponse response) {
    const std::string before = response.body;
    CompressPublicResponse(request, response);
    return response.body == before && !response.headers.Get("Content-Encoding");
  };
  EXPECT_TRUE(unchanged(Request(""), Page())) << "client does not accept gzip";
  EXPECT_TRUE(unchanged(Request("gzip", "aantafel_session=s3cret"), Page()))
      << "signed-in requests stay uncompressed (BREACH)";
  EXPECT_TRUE(unchanged(Request("gzip"), Page("image/png"))) << "already compressed formats";
  EXPECT_TRUE(unchanged(Request("gzip"), Page("text/event-stream")));
  EXPECT_TRUE(unchanged(Request("gzip"), Page("text/html", 200))) << "too small to gain";
  HttpResponse encoded = Page();
  encoded.headers.Set("Content-Encoding", "gzip");
  const std::string before = encoded.body;
  CompressPublicResponse(Request("gzip"), encoded);
  EXPECT_EQ(encoded.body, before) << "never compressed twice";
}

}  // namespace
}  // namespace aantafel::http
