// SmtpTransport: delivers mail to an SMTP server through libcurl.
//
// `smtp://host:587` upgrades with STARTTLS and refuses to send if the server does not
// offer it, unless the host is loopback (a local relay); `smtps://host:465` is TLS from
// the first byte. Certificates are verified. A user name may be in the URL
// (`smtp://mailer@host:587`); its password comes from a file, never from the URL in
// production. Connecting is bounded by 10 s and a whole delivery by 30 s.
//
// Thread-safe: each Send uses its own curl handle.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "mail/mail_message.hpp"

namespace finhelm::mail {

struct SmtpSettings {
  std::string url;                      // smtp://host:port or smtps://host:port
  std::optional<std::string> password;  // Read from a secret file by the caller.
  std::string from_address;             // The envelope sender.
};

// Whether the host of an smtp:// or smtps:// URL is loopback; nullopt for a malformed URL.
std::optional<bool> SmtpHostIsLoopback(std::string_view url);

class SmtpTransport final : public MailTransport {
 public:
  // kInvalidArgument for a URL that is not smtp:// or smtps:// with a host.
  static Result<std::unique_ptr<SmtpTransport>> Create(SmtpSettings settings);

  Status Send(const MailMessage& message) override;

 private:
  SmtpTransport(SmtpSettings settings, bool require_tls)
      : settings_(std::move(settings)), require_tls_(require_tls) {}

  SmtpSettings settings_;
  bool require_tls_;
};

}  // namespace finhelm::mail
