#include "clamd_process.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

namespace finhelm::integration {
namespace {

constexpr const char* kClamd = "/usr/sbin/clamd";

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out.push_back(kDigits[(static_cast<unsigned char>(c) >> 4) & 0xF]);
    out.push_back(kDigits[static_cast<unsigned char>(c) & 0xF]);
  }
  return out;
}

std::string Md5Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_md5(), nullptr);
  return Hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

bool Accepts(const std::filesystem::path& socket) {
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket.c_str(), sizeof(address.sun_path) - 1);
  return ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
}

}  // namespace

std::string EicarTestFile() {
  // Split so that this source file itself never matches the signature.
  return std::string("X5O!P%@AP[4\\PZX54(P^)7CC)7}$") + "EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!" +
         "$H+H*";
}

Result<std::unique_ptr<ClamdProcess>> ClamdProcess::Start() {
  if (::access(kClamd, X_OK) != 0) {
    return MakeError(ErrorCode::kUnavailable, "clamd is not installed (clamav-daemon)");
  }
  auto directory = std::make_unique<TempDir>();
  const std::string eicar = EicarTestFile();
  const std::string marker = std::string("EICAR-STANDARD-") + "ANTIVIRUS-TEST-FILE";
  const std::filesystem::path socket = *directory / "clamd.sock";
  const std::string config = "Foreground yes\nLocalSocket " + socket.string() +
                             "\nDatabaseDirectory " + (*directory / "db").string() +
                             "\nStreamMaxLength 26M\nMaxThreads 2\nLogFile " +
                             (*directory / "clamd.log").string() + "\n";
  if (!WriteFile(*directory / "db" / "eicar.hdb",
                 Md5Hex(eicar) + ":" + std::to_string(eicar.size()) + ":Eicar-Test-File\n",
                 std::filesystem::perms(0644)) ||
      !WriteFile(*directory / "db" / "eicar.ndb", "Eicar-Marker:0:*:" + Hex(marker) + "\n",
                 std::filesystem::perms(0644)) ||
      !WriteFile(*directory / "clamd.conf", config, std::filesystem::perms(0644))) {
    return MakeError(ErrorCode::kUnavailable, "cannot write clamd's files");
  }
  UniqueFd null(::open("/dev/null", O_WRONLY | O_CLOEXEC));
  auto child =
      ChildProcess::Spawn({kClamd, "--config-file=" + (*directory / "clamd.conf").string()}, {},
                          null.get(), null.get(), directory->path());
  if (!child.ok()) return child.error();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!Accepts(socket)) {
    if (std::chrono::steady_clock::now() > deadline ||
        child->WaitForExit(std::chrono::milliseconds(50))) {
      return MakeError(ErrorCode::kUnavailable,
                       "clamd did not start: " + ReadFile(*directory / "clamd.log"));
    }
  }
  return std::unique_ptr<ClamdProcess>(
      new ClamdProcess(std::move(directory), std::move(*child), socket));
}

}  // namespace finhelm::integration
