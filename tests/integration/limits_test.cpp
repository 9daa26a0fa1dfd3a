// IN-2 size limits and read timeouts, and IN-1 framing, against the real listener.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

// Short read timeouts, so that the slow-client tests take about a second each.
constexpr std::string_view kShortTimeouts = R"(
[limits]
header_timeout_seconds = 1
body_timeout_seconds = 1
)";

class Limits : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = StartServer({std::string(kShortTimeouts), {}});
    ASSERT_NE(server_, nullptr);
  }

  HttpConnection Connect() {
    auto connection = HttpConnection::Open(server_->port());
    if (!connection.ok()) {
      ADD_FAILURE() << connection.error().message;
      return HttpConnection::Broken();
    }
    return std::move(*connection);
  }

  // Sends `bytes` and expects the server to refuse with `status` and close.
  void ExpectRefusedAndClosed(std::string_view bytes, int status) {
    HttpConnection connection = Connect();
    ASSERT_TRUE(connection.Send(bytes));
    HttpResponse response = ReadOrFail(connection);
    EXPECT_EQ(response.status, status);
    ExpectSecurityHeaders(response);
    EXPECT_TRUE(connection.WaitForClose(seconds(2))) << "connection left open after " << status;
  }

  // Expects the server to give up on `connection` between about `after` and `before`:
  // a 408, or simply the end of the connection.
  static void ExpectCutOff(HttpConnection& connection, Clock::time_point started,
                           milliseconds after, milliseconds before) {
    auto response = connection.Read(before + milliseconds(500));
    auto elapsed = Clock::now() - started;
    if (response.ok()) {
      EXPECT_EQ(response->status, 408);
    }
    EXPECT_TRUE(connection.WaitForClose(milliseconds(500)));
    EXPECT_GE(elapsed, after);
    EXPECT_LE(elapsed, before);
  }

  std::unique_ptr<ServerProcess> server_;
};

std::string GetWithHeader(std::string_view name, std::size_t value_length) {
  return GetRequest("/healthz", std::string(name) + ": " + std::string(value_length, 'a') + "\r\n");
}

// proves IN-2
TEST_F(Limits, HeadersOver16KiBAre431) {
  ExpectRefusedAndClosed(GetWithHeader("X-Padding", 17 * 1024), 431);
  // Many fields that are small each count together.
  std::string fields;
  for (int i = 0; i < 40; ++i) {
    fields += "X-Field-" + std::to_string(i) + ": " + std::string(500, 'b') + "\r\n";
  }
  ExpectRefusedAndClosed(GetRequest("/healthz", fields), 431);
}

// proves IN-2
TEST_F(Limits, HeadersJustUnder16KiBAreServed) {
  HttpResponse response = Fetch(*server_, GetWithHeader("X-Padding", 15 * 1024));
  EXPECT_EQ(response.status, 200);
}

// proves IN-2
TEST_F(Limits, MoreThan100HeaderFieldsAre431) {
  std::string fields;
  for (int i = 0; i < 101; ++i) fields += "X-F" + std::to_string(i) + ": 1\r\n";
  ExpectRefusedAndClosed(GetRequest("/healthz", fields), 431);

  // Host and 98 more: 99 fields are within the limit.
  fields.clear();
  for (int i = 0; i < 98; ++i) fields += "X-F" + std::to_string(i) + ": 1\r\n";
  EXPECT_EQ(Fetch(*server_, GetRequest("/healthz", fields)).status, 200);
}

// proves IN-2
TEST_F(Limits, RequestTargetOver8KiBIs414) {
  std::string target = "/healthz?padding=" + std::string(9 * 1024, 'a');
  HttpResponse response = Fetch(*server_, GetRequest(target));
  EXPECT_EQ(response.status, 414);
  ExpectSecurityHeaders(response);
  // Past the whole header budget the request line is refused with the headers' status.
  target = "/healthz?padding=" + std::string(17 * 1024, 'a');
  ExpectRefusedAndClosed(GetRequest(target), 431);
}

// proves IN-2
TEST_F(Limits, SlowHeaderIsCutOffAfterTheHeaderTimeout) {
  HttpConnection connection = Connect();
  auto started = Clock::now();
  ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
  ExpectCutOff(connection, started, milliseconds(800), milliseconds(2000));
}

// proves IN-2
TEST_F(Limits, TricklingHeaderDoesNotExtendTheTimeout) {
  // The header timeout is absolute: a byte now and then (slowloris) does not reset it.
  HttpConnection connection = Connect();
  auto started = Clock::now();
  ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\n"));
  bool cut = false;
  for (int i = 0; i < 30 && !cut; ++i) {
    std::this_thread::sleep_for(milliseconds(100));
    cut = !connection.Send("X") || connection.Readable();
  }
  ExpectCutOff(connection, started, milliseconds(800), milliseconds(2000));
}

// proves IN-2
TEST_F(Limits, SlowBodyIsCutOffAfterTheBodyTimeout) {
  HttpConnection connection = Connect();
  auto started = Clock::now();
  ASSERT_TRUE(connection.Send(
      "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"message\":"));
  ExpectCutOff(connection, started, milliseconds(800), milliseconds(2000));
}

// proves IN-2
TEST_F(Limits, TricklingBodyDoesNotExtendTheTimeout) {
  HttpConnection connection = Connect();
  auto started = Clock::now();
  ASSERT_TRUE(connection.Send(
      "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"message\":\""));
  bool cut = false;
  for (int i = 0; i < 30 && !cut; ++i) {
    std::this_thread::sleep_for(milliseconds(100));
    cut = !connection.Send("a") || connection.Readable();
  }
  ExpectCutOff(connection, started, milliseconds(800), milliseconds(2000));
}

// proves IN-2
TEST_F(Limits, IdleKeepAliveConnectionIsClosedAfterTheHeaderTimeout) {
  HttpConnection connection = Connect();
  ASSERT_TRUE(connection.Send(GetRequest("/healthz")));
  EXPECT_EQ(ReadOrFail(connection).status, 200);
  auto started = Clock::now();
  EXPECT_TRUE(connection.WaitForClose(seconds(3)));
  auto elapsed = Clock::now() - started;
  EXPECT_GE(elapsed, milliseconds(800));
  EXPECT_LE(elapsed, milliseconds(2000));
  // A connection that simply went quiet is closed without a 408.
  EXPECT_FALSE(connection.Read(milliseconds(0)).ok());
}

// proves IN-1
TEST_F(Limits, ContentLengthWithTransferEncodingIs400AndClosed) {
  // The classic smuggling shape: whichever length a proxy believed, the hidden request
  // after the body must never be answered.
  std::string body = "0\r\n\r\nGET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n";
  HttpConnection connection = Connect();
  ASSERT_TRUE(
      connection.Send("POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
                      "Content-Type: application/json\r\nContent-Length: 5\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n" +
                      body));
  HttpResponse response = ReadOrFail(connection);
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(connection.WaitForClose(seconds(2)));
  EXPECT_FALSE(connection.Read(milliseconds(0)).ok()) << "the smuggled request was answered";
}

// proves IN-1
TEST_F(Limits, TwoDifferentContentLengthsAre400AndClosed) {
  ExpectRefusedAndClosed(
      "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nContent-Length: 16\r\nContent-Length: 17\r\n\r\n"
      "{\"message\":\"x\"}",
      400);
}

// proves IN-1
TEST_F(Limits, AmbiguousTransferEncodingIs400AndClosed) {
  ExpectRefusedAndClosed(
      "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
      "Transfer-Encoding: identity\r\n\r\n0\r\n\r\n",
      400);
  ExpectRefusedAndClosed(
      "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nContent-Length: +16\r\n\r\n{\"message\":\"x\"}",
      400);
}

// proves IN-1
// Regression: a Transfer-Encoding other than plain "chunked" was read as an empty body,
// and the body was then served as a second request (smuggling).
TEST_F(Limits, TransferEncodingOtherThanChunkedIs400AndClosed) {
  for (std::string_view coding : {"identity", "xchunked", "chunked, identity", "gzip, chunked"}) {
    HttpConnection connection = Connect();
    ASSERT_TRUE(connection.Send(
        "POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: " +
        std::string(coding) + "\r\n\r\n0\r\n\r\nGET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    HttpResponse response = ReadOrFail(connection);
    EXPECT_EQ(response.status, 400) << coding;
    EXPECT_TRUE(connection.WaitForClose(seconds(2))) << coding;
    EXPECT_FALSE(connection.Read(milliseconds(0)).ok()) << "smuggled request answered: " << coding;
  }
  // Plain chunked, in any letter case, is understood.
  HttpConnection connection = Connect();
  std::string body = R"({"message":"x"})";
  ASSERT_TRUE(
      connection.Send("POST /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\n"
                      "Content-Type: application/json\r\nTransfer-Encoding: Chunked\r\n\r\nf\r\n" +
                      body + "\r\n0\r\n\r\n"));
  EXPECT_EQ(ReadOrFail(connection).status, 200);
}

// proves IN-1
// Regression: requests without a Host, or with two, were served; the CSRF origin check
// and the https redirect both read the Host (RFC 9112 section 3.2 requires 400).
TEST_F(Limits, MissingOrRepeatedHostIs400AndClosed) {
  ExpectRefusedAndClosed("GET /healthz HTTP/1.1\r\n\r\n", 400);
  ExpectRefusedAndClosed("GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n",
                         400);
  // HTTP/1.0 predates Host and may omit it.
  EXPECT_EQ(Fetch(*server_, "GET /healthz HTTP/1.0\r\n\r\n").status, 200);
}

}  // namespace
}  // namespace finhelm::integration
