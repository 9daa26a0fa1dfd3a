// MailMessage and MailTransport: email as FinHelm sends it.
//
// A message is plain text plus a minimal HTML alternative, rendered from a template
// (mail_templates.hpp). Transports deliver it: SMTP when configured, otherwise `.eml`
// files in the outbox directory (SPEC section 6). Messages carry tokens (verification,
// reset, invitation links), so neither a message nor its body is ever logged.
#pragma once

#include <string>

#include "core/result.hpp"

namespace finhelm::mail {

struct MailMessage {
  std::string from;     // "FinHelm <no-reply@localhost>"
  std::string to;       // One address.
  std::string subject;  // UTF-8, one line.
  std::string text;     // The plain-text body.
  std::string html;     // The HTML alternative; values in it are already escaped.
};

// Renders `message` as an RFC 5322 message with a multipart/alternative body. Fails with
// kInvalidArgument when a header value holds CR, LF or NUL (header injection).
Result<std::string> RenderRfc5322(const MailMessage& message, std::string_view message_id,
                                  std::int64_t unix_seconds);

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Delivers the message, or fails with kUnavailable (retry later) or kInvalidArgument
  // (never deliverable).
  virtual Status Send(const MailMessage& message) = 0;
};

}  // namespace finhelm::mail
