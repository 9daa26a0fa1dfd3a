#include "http/wire.hpp"

#include <gtest/gtest.h>

#include <string>

#include "capture_log.hpp"

namespace finhelm::http {
namespace {

std::string HeadOf(const Response& response, bool keep_alive) {
  std::string out;
  AppendResponseHead(response, keep_alive, out);
  return out;
}

TEST(ResponseHead, WritesStatusFieldsAndLength) {
  Response response = Response::Json(200, R"({"ok":true})");
  response.headers.Add("X-Request-Id", "abc");
  EXPECT_EQ(HeadOf(response, true),
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json\r\n"
            "X-Request-Id: abc\r\n"
            "Content-Length: 11\r\n"
            "\r\n");
}

TEST(ResponseHead, ClosesWhenNotKeepingAlive) {
  EXPECT_EQ(HeadOf(Response::Empty(404), false),
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

TEST(ResponseHead, SendsNoLengthForBodilessStatuses) {
  EXPECT_EQ(HeadOf(Response::Empty(204), true), "HTTP/1.1 204 No Content\r\n\r\n");
  EXPECT_EQ(HeadOf(Response::Empty(304), true), "HTTP/1.1 304 Not Modified\r\n\r\n");
}

TEST(ResponseHead, FramingFieldsFromHandlersAreIgnored) {
  Response response = Response::Empty(200);
  response.body = "12345";
  response.headers.Add("content-length", "99");
  response.headers.Add("Connection", "keep-alive");
  EXPECT_EQ(HeadOf(response, false),
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
}

TEST(ResponseHead, DropsFieldsThatWouldSplitTheResponse) {
  testing::CaptureLog log;
  Response response = Response::Empty(200);
  response.headers.Add("Location", "/a\r\nSet-Cookie: stolen=1");
  response.headers.Add("Bad Name", "x");
  response.headers.Add("X-Nul", std::string("a\0b", 3));
  response.headers.Add("X-Fine", "yes");
  std::string head = HeadOf(response, true);
  EXPECT_EQ(head, "HTTP/1.1 200 OK\r\nX-Fine: yes\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(log.Text().find("http_header_dropped"), std::string::npos);
  EXPECT_EQ(log.Text().find("stolen"), std::string::npos);
}

}  // namespace
}  // namespace finhelm::http
