#include "batch/inputs.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "load/encoding.h"
#include "load/loaders.h"

namespace gongkai {
namespace fs = std::filesystem;
namespace {

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

bool LooksLikeReportFile(const std::string& path) {
  fs::path p(path);
  std::string ext = LowerExtension(p);
  // Word and WPS binaries are taken too: they give a format.unsupported record, not silence.
  static const char* kReports[] = {".pdf",   ".txt",   ".text", ".htm", ".html",
                                   ".shtml", ".xhtml", ".docx", ".doc", ".wps"};
  static const char* kData[] = {".json", ".jsonl", ".csv", ".tsv", ".md",  ".sqlite", ".db",
                                ".toml", ".py",    ".sh",  ".xml", ".yml", ".yaml"};
  for (const char* e : kReports) {
    if (ext == e) return true;
  }
  for (const char* e : kData) {
    if (ext == e) return false;
  }
  // Unknown or no extension: decide by the first bytes.
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (std::string_view(ChooseLoader(head, "").name) != "text") return true;
  std::string utf8, encoding;
  Error error;
  if (head.empty() || !DecodeToUtf8(head, &utf8, &encoding, &error)) return false;
  size_t han = 0, total = 0;
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) == 0x80) continue;
    ++total;
    if (c >= 0xE4 && c <= 0xE9) ++han;
  }
  return total > 0 && han * 10 >= total;
}

std::vector<std::string> CollectInputs(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && LooksLikeReportFile(p.string())) found.push_back(p.string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

bool InShard(const std::string& path, int k, int n) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a, 64 bits: stable across runs and machines
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<int>(h % static_cast<uint64_t>(n)) == k - 1;
}

}  // namespace gongkai
