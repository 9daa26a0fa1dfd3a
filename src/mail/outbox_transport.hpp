// OutboxTransport: delivers mail as `.eml` files in a directory (`var/outbox/` by
// default), for installations without SMTP and for tests, which read the files back.
//
// Each message is written to a temporary name and renamed into place, so a reader never
// sees half a message; files are mode 0600 because they hold tokens. Thread-safe.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "mail/mail_message.hpp"

namespace finhelm::mail {

class OutboxTransport final : public MailTransport {
 public:
  OutboxTransport(std::string directory, const Clock& clock)
      : directory_(std::move(directory)), clock_(clock) {}

  Status Send(const MailMessage& message) override;

 private:
  std::string directory_;
  const Clock& clock_;
};

}  // namespace finhelm::mail
