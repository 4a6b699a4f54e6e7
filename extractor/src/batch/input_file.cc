#include "batch/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gongkai/extractor.h"
#include "util/sha256.h"
#include "write/error_record.h"

namespace gongkai {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads up to limit bytes; *more says the file holds more than that.
bool ReadUpTo(int fd, size_t limit, std::string* out, bool* more) {
  out->clear();
  char buffer[1 << 16];
  while (true) {
    size_t want = std::min(sizeof buffer, limit + 1 - out->size());
    ssize_t n = read(fd, buffer, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
    if (out->size() > limit) break;
  }
  *more = out->size() > limit;
  if (*more) out->resize(limit);
  return true;
}

std::string MiB(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

bool IsNotAFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

bool ReadInput(const std::string& path, std::string* bytes, Record* error_record) {
  SourceInfo source;
  source.path = path;
  // O_NONBLOCK: opening a FIFO without a writer must not wait; the mode is checked before any
  // read.
  Fd fd(open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    *error_record = ErrorRecord(source, codes::kUnreadable,
                                std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    *error_record = ErrorRecord(source, codes::kNotAFile,
                                "not a regular file (a folder, a FIFO, a device or a socket)");
    return false;
  }
  fcntl(fd.get(), F_SETFL, fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  // Text is limited to kMaxTextBytes, a PDF to kMaxPdfBytes: a file over its limit is refused
  // unread, one that grows past it while read is cut off and refused.
  char magic[5] = {};
  const bool pdf = pread(fd.get(), magic, 5, 0) == 5 && std::memcmp(magic, "%PDF-", 5) == 0;
  const size_t limit = pdf ? Extractor::kMaxPdfBytes : Extractor::kMaxTextBytes;
  bool more = static_cast<uint64_t>(st.st_size) > limit;
  if (!more) bytes->reserve(static_cast<size_t>(st.st_size));
  if (!more && !ReadUpTo(fd.get(), limit, bytes, &more)) {
    *error_record =
        ErrorRecord(source, codes::kUnreadable, std::string("read error: ") + std::strerror(errno));
    return false;
  }
  if (!more) return true;
  source.bytes = std::max<uint64_t>(static_cast<uint64_t>(st.st_size), bytes->size());
  source.media_type = pdf ? "application/pdf" : "text/plain";
  // Hashed in chunks, so that a dataset still knows the file.
  source.sha256 = Sha256File(path);
  bytes->clear();
  bytes->shrink_to_fit();
  *error_record =
      ErrorRecord(source, codes::kTooLarge,
                  MiB(source.bytes) + ", more than any report (" + MiB(limit) + " at most)");
  return false;
}

}  // namespace gongkai
