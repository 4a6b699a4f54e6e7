#include "batch/reorder_buffer.h"

#include <unistd.h>

namespace gongkai {

ReorderBuffer::~ReorderBuffer() {
  if (file_) std::fclose(file_);
}

bool ReorderBuffer::Spill(Entry* e) {
  if (!file_) file_ = std::tmpfile();
  if (!file_ || std::fseek(file_, file_end_, SEEK_SET) != 0 ||
      std::fwrite(e->bytes.data(), 1, e->bytes.size(), file_) != e->bytes.size()) {
    return false;
  }
  e->offset = file_end_;
  e->size = e->bytes.size();
  file_end_ += static_cast<int64_t>(e->size);
  std::string().swap(e->bytes);
  ++spilled_;
  ++in_file_;
  return true;
}

void ReorderBuffer::Put(size_t index, std::string bytes) {
  Entry e;
  e.bytes = std::move(bytes);
  // The next one in order is taken at once; others wait, in memory while there is room.
  if (index != next_ && memory_ + e.bytes.size() > limit_ && Spill(&e)) {
    waiting_.emplace(index, std::move(e));
    return;
  }
  memory_ += e.bytes.size();
  waiting_.emplace(index, std::move(e));
}

bool ReorderBuffer::Next(std::string* bytes) {
  auto it = waiting_.find(next_);
  if (it == waiting_.end()) return false;
  Entry& e = it->second;
  if (e.offset < 0) {
    memory_ -= e.bytes.size();
    *bytes = std::move(e.bytes);
  } else {
    bytes->resize(e.size);
    if (std::fflush(file_) != 0 || std::fseek(file_, e.offset, SEEK_SET) != 0 ||
        std::fread(bytes->data(), 1, e.size, file_) != e.size) {
      bytes->clear();  // the temporary file failed: an empty result, which the caller reports
    }
    // When nothing waits in the file any more, it starts again from empty.
    if (--in_file_ == 0) {
      // Nothing live is left in it: overwriting from the start is safe even if the truncation
      // fails.
      file_end_ = 0;
      if (ftruncate(fileno(file_), 0) != 0) file_end_ = 0;
    }
  }
  waiting_.erase(it);
  ++next_;
  return true;
}

}  // namespace gongkai
