#include "temp_dir.hpp"

#include <fstream>
#include <iterator>

namespace finhelm::integration {

bool WriteFile(const std::filesystem::path& path, std::string_view content,
               std::filesystem::perms mode) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return false;
  std::filesystem::permissions(path, mode, ec);
  return !ec;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace finhelm::integration
