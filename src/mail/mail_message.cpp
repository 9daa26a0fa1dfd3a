#include "mail/mail_message.hpp"

#include <ctime>

#include "crypto/encoding.hpp"
#include "crypto/random.hpp"

namespace finhelm::mail {
namespace {

bool IsSafeHeaderValue(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// RFC 2047 encoded-word for a header value that is not plain ASCII.
std::string EncodeHeaderText(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(text);
  return "=?UTF-8?B?" + crypto::Base64Encode(crypto::AsBytes(text)) + "?=";
}

std::string RfcDate(std::int64_t unix_seconds) {
  std::time_t time = unix_seconds;
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

// Bodies go out as 8bit UTF-8 with CRLF line ends; a lone LF becomes CRLF.
std::string CrlfLines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

}  // namespace

Result<std::string> RenderRfc5322(const MailMessage& message, std::string_view message_id,
                                  std::int64_t unix_seconds) {
  for (std::string_view value : {std::string_view(message.from), std::string_view(message.to),
                                 std::string_view(message.subject), message_id}) {
    if (!IsSafeHeaderValue(value)) {
      return MakeError(ErrorCode::kInvalidArgument, "a mail header holds a line break");
    }
  }
  std::string boundary = "fh-" + crypto::RandomId128Hex();
  std::string out;
  out += "From: " + message.from + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
  out += "Date: " + RfcDate(unix_seconds) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += CrlfLines(message.text);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += CrlfLines(message.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace finhelm::mail
