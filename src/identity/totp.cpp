#include "identity/totp.hpp"

#include <liboath/oath.h>

#include <array>
#include <mutex>

#include "crypto/constant_time.hpp"

namespace finhelm::identity {
namespace {

void InitializeOathOnce() {
  static std::once_flag initialized;
  std::call_once(initialized, [] { oath_init(); });
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::int64_t TotpStep(std::int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }

Result<std::string> TotpCode(crypto::ByteSpan secret, std::int64_t unix_seconds, unsigned digits) {
  InitializeOathOnce();
  std::array<char, 16> code{};
  int status = oath_totp_generate(reinterpret_cast<const char*>(secret.data()), secret.size(),
                                  static_cast<time_t>(unix_seconds), kTotpStepSeconds, 0, digits,
                                  code.data());
  if (status != OATH_OK) {
    return MakeError(ErrorCode::kInternal, std::string("oath: ") + oath_strerror(status));
  }
  return std::string(code.data());
}

std::optional<std::int64_t> MatchTotp(crypto::ByteSpan secret, std::int64_t unix_seconds,
                                      std::string_view code, std::int64_t last_accepted_step) {
  if (code.size() != kTotpDigits) return std::nullopt;
  std::optional<std::int64_t> matched;
  std::int64_t now_step = TotpStep(unix_seconds);
  // Every candidate is computed and compared, so the time taken does not say which one
  // matched.
  for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step) {
    auto expected = TotpCode(secret, step * kTotpStepSeconds);
    if (!expected.ok()) continue;
    bool equal = crypto::ConstantTimeEquals(*expected, code);
    if (equal && step > last_accepted_step && !matched) matched = step;
  }
  return matched;
}

std::string Base32Encode(crypto::ByteSpan bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1F];
  return out;
}

std::string OtpauthUri(std::string_view email, std::string_view base32_secret) {
  return "otpauth://totp/FinHelm:" + PercentEncode(email) +
         "?secret=" + std::string(base32_secret) +
         "&issuer=FinHelm&algorithm=SHA1&digits=6&period=30";
}

}  // namespace finhelm::identity
