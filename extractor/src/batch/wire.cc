#include "batch/wire.h"

#include <unistd.h>

#include <cerrno>

namespace gongkai {
namespace {

void PutLe(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t GetLe(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = s.size(); i-- > 0;) v = (v << 8) | static_cast<unsigned char>(s[i]);
  return v;
}

bool WriteAll(int fd, const char* p, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, char* p, size_t size) {
  while (size > 0) {
    ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool SendFrame(int fd, uint64_t index, std::string_view body) {
  std::string header;
  PutLe(&header, index, 8);
  PutLe(&header, body.size(), 8);
  return WriteAll(fd, header.data(), header.size()) && WriteAll(fd, body.data(), body.size());
}

bool ReceiveFrame(int fd, uint64_t* index, std::string* body, uint64_t max_body) {
  char header[16];
  if (!ReadAll(fd, header, sizeof header)) return false;
  uint64_t size = GetLe(std::string_view(header + 8, 8));
  if (size > max_body) return false;
  *index = GetLe(std::string_view(header, 8));
  body->resize(size);
  return ReadAll(fd, body->data(), size);
}

WireWriter& WireWriter::Str(std::string_view s) {
  PutLe(&out_, s.size(), 4);
  out_.append(s);
  return *this;
}

WireWriter& WireWriter::U64(uint64_t v) {
  PutLe(&out_, v, 8);
  return *this;
}

bool WireReader::Take(size_t n, std::string_view* out) {
  if (!ok_ || in_.size() - pos_ < n) {
    ok_ = false;
    return false;
  }
  *out = in_.substr(pos_, n);
  pos_ += n;
  return true;
}

std::string WireReader::Str() {
  std::string_view length, body;
  if (!Take(4, &length) || !Take(GetLe(length), &body)) return "";
  return std::string(body);
}

uint64_t WireReader::U64() {
  std::string_view v;
  return Take(8, &v) ? GetLe(v) : 0;
}

}  // namespace gongkai
