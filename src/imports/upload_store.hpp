// UploadStore: where uploaded files wait for their import (IN-5).
//
// The directory is DATA_DIR/uploads, outside anything the server serves, mode 0700; each
// file gets a fresh random 128-bit name (the client's file name is never a path) and
// mode 0600, is written with O_EXCL and fsync'd before the import job can see it, and is
// deleted once the job has processed it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm::imports {

struct StoredUpload {
  std::string stored_name;  // 32 hex characters
  std::string sha256;       // of the content, hex
  std::uint64_t bytes = 0;
};

class UploadStore {
 public:
  explicit UploadStore(std::filesystem::path directory) : directory_(std::move(directory)) {}

  Result<StoredUpload> Save(std::string_view content) const;
  // kInvalidArgument unless `stored_name` is one this store could have made.
  Result<std::filesystem::path> PathOf(std::string_view stored_name) const;
  // Deleting a file that is already gone succeeds.
  Status Remove(std::string_view stored_name) const;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
};

}  // namespace finhelm::imports
