#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/clock.hpp"
#include "mail/mail_message.hpp"
#include "mail/mail_templates.hpp"
#include "mail/outbox_transport.hpp"
#include "mail/smtp_transport.hpp"
#include "tests/crypto/temp_dir.hpp"

namespace finhelm::mail {
namespace {

MailMessage Sample() {
  return VerificationMail("jo@example.com", "Jo <script>", "https://x.example/verify#token=T");
}

TEST(RenderRfc5322, WritesHeadersAndBothAlternatives) {
  auto rendered = RenderRfc5322(Sample(), "id@finhelm", 1'800'000'000);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(*rendered, ::testing::HasSubstr("To: jo@example.com\r\n"));
  EXPECT_THAT(*rendered, ::testing::HasSubstr("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"));
  EXPECT_THAT(*rendered, ::testing::HasSubstr("Content-Type: text/plain; charset=utf-8"));
  EXPECT_THAT(*rendered, ::testing::HasSubstr("Hello Jo &lt;script&gt;,"));  // HTML escaped.
  EXPECT_THAT(*rendered, ::testing::HasSubstr("Hello Jo <script>,\r\n"));    // Text as is.
}

// A header value with a line break would let a name or address add headers.
TEST(RenderRfc5322, RefusesHeaderInjection) {
  MailMessage message = Sample();
  message.to = "jo@example.com\r\nBcc: everyone@example.com";
  auto rendered = RenderRfc5322(message, "id@finhelm", 0);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().code, ErrorCode::kInvalidArgument);
}

TEST(RenderRfc5322, EncodesNonAsciiSubjects) {
  MailMessage message = Sample();
  message.subject = "Einladung zu Müller GmbH";
  auto rendered = RenderRfc5322(message, "id@finhelm", 0);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(*rendered, ::testing::HasSubstr("Subject: =?UTF-8?B?"));
}

// The outbox holds tokens: owner-only files, published whole.
TEST(OutboxTransport, WritesOwnerOnlyFilesInAPrivateDirectory) {
  crypto::testing::TempDir dir;
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000)));
  OutboxTransport outbox((dir / "outbox").string(), clock);
  ASSERT_TRUE(outbox.Send(Sample()).ok());
  ASSERT_TRUE(outbox.Send(Sample()).ok());
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "outbox")) {
    EXPECT_EQ(entry.path().extension(), ".eml");
    struct stat info {};
    ASSERT_EQ(::stat(entry.path().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    ++files;
  }
  EXPECT_EQ(files, 2);
  struct stat directory {};
  ASSERT_EQ(::stat((dir / "outbox").c_str(), &directory), 0);
  EXPECT_EQ(directory.st_mode & 0777, 0700u);
}

TEST(SmtpHostIsLoopback, TellsLocalRelaysFromRemoteServers) {
  EXPECT_EQ(SmtpHostIsLoopback("smtp://127.0.0.1:2525"), true);
  EXPECT_EQ(SmtpHostIsLoopback("smtp://mailer@localhost"), true);
  EXPECT_EQ(SmtpHostIsLoopback("smtp://[::1]:25"), true);
  EXPECT_EQ(SmtpHostIsLoopback("smtp://smtp.example.com:587"), false);
  EXPECT_EQ(SmtpHostIsLoopback("smtps://127.0.0.1.evil.example:465"), false);
  EXPECT_EQ(SmtpHostIsLoopback("http://127.0.0.1"), std::nullopt);
  EXPECT_EQ(SmtpHostIsLoopback("smtp://"), std::nullopt);
}

// Nothing listens on port 1 of loopback: delivery fails as a retryable error (the job
// retries with backoff) rather than hanging or being taken for a permanent refusal.
TEST(SmtpTransport, UnreachableServerIsARetryableFailure) {
  auto smtp = SmtpTransport::Create({"smtp://127.0.0.1:1", std::nullopt, "a@example.com"});
  ASSERT_TRUE(smtp.ok());
  Status sent = (*smtp)->Send(Sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(SmtpTransport::Create({"http://example.com", std::nullopt, "a@example.com"}).ok());
}

}  // namespace
}  // namespace finhelm::mail
