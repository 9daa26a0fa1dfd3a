#include "mail/mail_templates.hpp"

namespace finhelm::mail {
namespace {

constexpr std::string_view kFrom = "FinHelm <no-reply@finhelm.invalid>";

MailMessage Compose(std::string_view to, std::string subject, std::string text,
                    std::string html_body) {
  MailMessage message;
  message.from = std::string(kFrom);
  message.to = std::string(to);
  message.subject = std::move(subject);
  message.text = std::move(text);
  message.html = "<!doctype html><html><body>" + html_body + "</body></html>";
  return message;
}

std::string Link(std::string_view url, std::string_view label) {
  return "<p><a href=\"" + EscapeHtml(url) + "\">" + EscapeHtml(label) + "</a></p>";
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

MailMessage VerificationMail(std::string_view to, std::string_view name, std::string_view link) {
  std::string greeting = "Hello " + std::string(name) + ",";
  return Compose(
      to, "Confirm your email for FinHelm",
      greeting + "\n\nConfirm your email address by opening this link within 24 hours:\n\n" +
          std::string(link) + "\n\nIf you did not create a FinHelm account, ignore this message.\n",
      "<p>" + EscapeHtml(greeting) + "</p><p>Confirm your email address within 24 hours:</p>" +
          Link(link, "Confirm my email") +
          "<p>If you did not create a FinHelm account, ignore this message.</p>");
}

MailMessage PasswordResetMail(std::string_view to, std::string_view name, std::string_view link) {
  std::string greeting = "Hello " + std::string(name) + ",";
  return Compose(
      to, "Reset your FinHelm password",
      greeting + "\n\nChoose a new password by opening this link within one hour:\n\n" +
          std::string(link) +
          "\n\nResetting signs you out everywhere. If you did not ask for this, ignore this "
          "message: your password stays as it is.\n",
      "<p>" + EscapeHtml(greeting) + "</p><p>Choose a new password within one hour:</p>" +
          Link(link, "Reset my password") +
          "<p>Resetting signs you out everywhere. If you did not ask for this, ignore this "
          "message: your password stays as it is.</p>");
}

MailMessage EmailChangeMail(std::string_view to, std::string_view name, std::string_view link) {
  std::string greeting = "Hello " + std::string(name) + ",";
  return Compose(to, "Confirm your new email for FinHelm",
                 greeting +
                     "\n\nConfirm that FinHelm should use this address by opening this link within "
                     "24 hours:\n\n" +
                     std::string(link) + "\n\nIf you did not ask for this, ignore this message.\n",
                 "<p>" + EscapeHtml(greeting) +
                     "</p><p>Confirm that FinHelm should use this address within 24 hours:</p>" +
                     Link(link, "Confirm my new email") +
                     "<p>If you did not ask for this, ignore this message.</p>");
}

MailMessage EmailChangeNoticeMail(std::string_view to, std::string_view name,
                                  std::string_view new_email, std::string_view reset_link) {
  std::string greeting = "Hello " + std::string(name) + ",";
  std::string notice = "Someone signed in to your FinHelm account asked to change its email to " +
                       std::string(new_email) + ". It changes only once the new address confirms.";
  return Compose(
      to, "Your FinHelm email is being changed",
      greeting + "\n\n" + notice +
          "\n\nIf it was not you, reset your password now, which signs everyone out:\n\n" +
          std::string(reset_link) + "\n",
      "<p>" + EscapeHtml(greeting) + "</p><p>" + EscapeHtml(notice) +
          "</p><p>If it was not you, reset your password now, which signs everyone out:</p>" +
          Link(reset_link, "Reset my password"));
}

MailMessage AlreadyRegisteredMail(std::string_view to, std::string_view name,
                                  std::string_view login_link, std::string_view reset_link) {
  std::string greeting = "Hello " + std::string(name) + ",";
  return Compose(
      to, "Someone tried to register with your email",
      greeting +
          "\n\nSomeone tried to create a FinHelm account with this email, which already has "
          "one. If it was you, sign in:\n\n" +
          std::string(login_link) + "\n\nForgot your password? Reset it:\n\n" +
          std::string(reset_link) + "\n\nIf it was not you, you can ignore this message.\n",
      "<p>" + EscapeHtml(greeting) +
          "</p><p>Someone tried to create a FinHelm account with this email, which already "
          "has one.</p>" +
          Link(login_link, "Sign in") + Link(reset_link, "Reset my password") +
          "<p>If it was not you, you can ignore this message.</p>");
}

MailMessage InvitationMail(std::string_view to, std::string_view organization,
                           std::string_view role, std::string_view link) {
  std::string invited = "You are invited to join " + std::string(organization) + " on FinHelm as " +
                        std::string(role) + ".";
  return Compose(
      to, "You are invited to " + std::string(organization) + " on FinHelm",
      invited +
          "\n\nSign in (or create an account) with this email address, then open this "
          "link within 7 days:\n\n" +
          std::string(link) + "\n\nIf you did not expect this, ignore this message.\n",
      "<p>" + EscapeHtml(invited) +
          "</p><p>Sign in (or create an account) with this email address, then accept within "
          "7 days:</p>" +
          Link(link, "Accept the invitation") +
          "<p>If you did not expect this, ignore this message.</p>");
}

}  // namespace finhelm::mail
