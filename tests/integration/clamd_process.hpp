// A real clamd for the upload tests (IN-5), started by the test itself.
//
// ClamAV ships no signatures and none can be downloaded here, so the database is two
// one-line files: the MD5 of the EICAR test file (.hdb) and the hex of its marker string
// matched anywhere (.ndb), which finds EICAR inside a CSV cell too. The EICAR text is
// assembled at run time, so that no scanner flags FinHelm's own sources.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "server_process.hpp"
#include "temp_dir.hpp"

namespace finhelm::integration {

// The 68-byte EICAR anti-virus test file.
std::string EicarTestFile();

class ClamdProcess {
 public:
  // Starts clamd and waits (up to 30 s) until its socket accepts; the error says why not.
  static Result<std::unique_ptr<ClamdProcess>> Start();

  const std::filesystem::path& socket() const { return socket_; }

 private:
  ClamdProcess(std::unique_ptr<TempDir> directory, ChildProcess child, std::filesystem::path socket)
      : directory_(std::move(directory)), child_(std::move(child)), socket_(std::move(socket)) {}

  std::unique_ptr<TempDir> directory_;
  ChildProcess child_;
  std::filesystem::path socket_;
};

}  // namespace finhelm::integration
