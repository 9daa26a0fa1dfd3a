#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace finhelm::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

TEST(Multipart, ReadsFieldsAndFiles) {
  const std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"ledger.csv\"\r\nContent-Type: text/csv\r\n\r\nDate,Amount\r\n1,2\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"options\"\r\n\r\n{}\r\n--XyZ--\r\n";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "ledger.csv");
  EXPECT_EQ(file->content_type, "text/csv");
  EXPECT_EQ(file->body, "Date,Amount\r\n1,2");
  EXPECT_EQ(FindPart(*parts, "options")->body, "{}");
  EXPECT_EQ(FindPart(*parts, "options")->content_type, "text/plain");
}

TEST(Multipart, ReadsQuotedBoundariesAndEscapes) {
  auto boundary = MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"");
  ASSERT_TRUE(boundary.ok());
  EXPECT_EQ(*boundary, "a b");
  auto parts = ParseMultipart(
      "multipart/form-data; boundary=\"a b\"",
      "--a b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\\\"y.csv\"\r\n\r\nz\r\n"
      "--a b--");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "x\"y.csv");
}

TEST(Multipart, RefusesWhatIsMalformed) {
  const std::string part = "Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  const std::string opened = "--XyZ\r\n" + part;
  std::string repeated = opened;
  repeated += "--XyZ\r\n";
  repeated += part;
  repeated += "--XyZ--";
  std::string long_headers = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n";
  long_headers += std::string(5000, 'h');
  long_headers += "\r\n\r\nx\r\n--XyZ--";
  for (const std::string& body : {
           opened,    // no close
           repeated,  // repeated name
           std::string("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"),  // no name
           std::string("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                       "Content-Transfer-Encoding: base64\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--"),
           std::string("nothing here"),
           long_headers,
       }) {
    EXPECT_FALSE(ParseMultipart(kType, body).ok()) << body.substr(0, 80);
  }
  for (const char* type : {"multipart/form-data", "text/csv; boundary=a",
                           "multipart/form-data; boundary=", "multipart/mixed; boundary=a"}) {
    EXPECT_FALSE(MultipartBoundary(type).ok()) << type;
  }
}

TEST(Multipart, RefusesMoreThanSixteenParts) {
  std::string body;
  for (int i = 0; i < 17; ++i) {
    body +=
        "--XyZ\r\nContent-Disposition: form-data; name=\"p" + std::to_string(i) + "\"\r\n\r\nx\r\n";
  }
  body += "--XyZ--";
  EXPECT_FALSE(ParseMultipart(kType, body).ok());
}

}  // namespace
}  // namespace finhelm::http
