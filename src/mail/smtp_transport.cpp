#include "mail/smtp_transport.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "crypto/random.hpp"

namespace finhelm::mail {
namespace {

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void InitializeCurlOnce() {
  static std::once_flag initialized;
  std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Feeds the rendered message to libcurl.
struct Upload {
  std::string_view remaining;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t take = std::min(room, upload->remaining.size());
  std::memcpy(buffer, upload->remaining.data(), take);
  upload->remaining.remove_prefix(take);
  return take;
}

// The address inside "Name <address>", or the text itself.
std::string BareAddress(std::string_view mailbox) {
  auto open = mailbox.rfind('<');
  auto close = mailbox.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return std::string(mailbox.substr(open + 1, close - open - 1));
  }
  return std::string(mailbox);
}

}  // namespace

std::optional<bool> SmtpHostIsLoopback(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "smtp" && scheme != "smtps") return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  std::string_view host;
  if (rest.starts_with("[")) {
    auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = rest.substr(1, close - 1);
  } else {
    host = rest.substr(0, rest.find(':'));
  }
  if (host.empty()) return std::nullopt;
  if (host == "localhost" || host == "::1") return true;
  // Only a literal IPv4 address in 127.0.0.0/8 counts: "127.0.0.1.example.com" is a name.
  in_addr address{};
  std::string literal(host);
  return ::inet_pton(AF_INET, literal.c_str(), &address) == 1 &&
         (ntohl(address.s_addr) >> 24) == 127;
}

Result<std::unique_ptr<SmtpTransport>> SmtpTransport::Create(SmtpSettings settings) {
  auto loopback = SmtpHostIsLoopback(settings.url);
  if (!loopback) {
    return MakeError(ErrorCode::kInvalidArgument, "the SMTP URL must be smtp:// or smtps:// HOST");
  }
  InitializeCurlOnce();
  bool require_tls = !*loopback;
  return std::unique_ptr<SmtpTransport>(new SmtpTransport(std::move(settings), require_tls));
}

Status SmtpTransport::Send(const MailMessage& message) {
  std::string message_id = crypto::RandomId128Hex() + "@finhelm";
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto rendered = RenderRfc5322(message, message_id, now);
  if (!rendered.ok()) return rendered.error();

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return MakeError(ErrorCode::kResourceExhausted, "curl_easy_init failed");
  std::unique_ptr<curl_slist, SlistDeleter> recipients(
      curl_slist_append(nullptr, BareAddress(message.to).c_str()));
  Upload upload{*rendered};
  std::string from = BareAddress(settings_.from_address);
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(handle, CURLOPT_USE_SSL,
                   static_cast<long>(require_tls_ ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  if (settings_.password) curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password->c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  CURLcode result = curl_easy_perform(handle);
  if (result == CURLE_OK) return Status::Ok();
  long code = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
  std::string detail = std::string("smtp: ") + curl_easy_strerror(result) + " (server said " +
                       std::to_string(code) + ")";
  // A 5xx answer is permanent; anything else (down, timeout, 4xx) may succeed later.
  ErrorCode kind =
      code >= 500 && code < 600 ? ErrorCode::kInvalidArgument : ErrorCode::kUnavailable;
  return MakeError(kind, std::move(detail));
}

}  // namespace finhelm::mail
