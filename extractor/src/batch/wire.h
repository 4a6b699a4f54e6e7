// The worker boundary's byte format: fields as a 4-byte little-endian length and the bytes, so
// that any byte of a path or a manifest field (tabs, newlines, NUL) crosses unchanged.
#ifndef GONGKAI_BATCH_WIRE_H_
#define GONGKAI_BATCH_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai {

class WireWriter {
 public:
  WireWriter& Str(std::string_view s);
  WireWriter& U64(uint64_t v);
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what WireWriter wrote, in the same order. Every read checks the bounds: a short or
// corrupt message makes ok() false, never a read past the end.
class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  std::string Str();
  uint64_t U64();
  bool ok() const { return ok_; }
  bool AtEnd() const { return ok_ && pos_ == in_.size(); }

 private:
  bool Take(size_t n, std::string_view* out);
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// A frame on a pipe: the task index and the body's length (8 bytes each), then the body.
bool SendFrame(int fd, uint64_t index, std::string_view body);
// False at end of file, on a read error or a frame over max_body bytes.
bool ReceiveFrame(int fd, uint64_t* index, std::string* body,
                  uint64_t max_body = uint64_t{1} << 32);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_WIRE_H_
