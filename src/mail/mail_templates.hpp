// The messages FinHelm sends, each as plain text and minimal HTML.
//
// Values from users (names) are escaped for HTML; links are built by the caller from the
// configured public URL and a token, and are the only place a token appears.
#pragma once

#include <string>
#include <string_view>

#include "mail/mail_message.hpp"

namespace finhelm::mail {

// "&<>\"'" become entities.
std::string EscapeHtml(std::string_view text);

MailMessage VerificationMail(std::string_view to, std::string_view name, std::string_view link);
MailMessage PasswordResetMail(std::string_view to, std::string_view name, std::string_view link);
// Sent when someone registers with an email that already has an account: the account's
// owner learns of it, and the person registering sees the same answer as anyone else.
MailMessage AlreadyRegisteredMail(std::string_view to, std::string_view name,
                                  std::string_view login_link, std::string_view reset_link);

// To the new address of an email change: the link that confirms it (24 hours).
MailMessage EmailChangeMail(std::string_view to, std::string_view name, std::string_view link);
// To the current address: the change was asked for, and what to do if it was not you.
MailMessage EmailChangeNoticeMail(std::string_view to, std::string_view name,
                                  std::string_view new_email, std::string_view reset_link);

MailMessage InvitationMail(std::string_view to, std::string_view organization,
                           std::string_view role, std::string_view link);

}  // namespace finhelm::mail
