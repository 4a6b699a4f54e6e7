// The load stage's one entry point: the loader for an input is chosen by its content (magic
// bytes, markup), then by its file extension, and plain text when nothing else claims it.
#ifndef GONGKAI_LOAD_LOADERS_H_
#define GONGKAI_LOAD_LOADERS_H_

#include <cstddef>
#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

struct Loader {
  const char* name;        // pdf, docx, ole2, html, text
  const char* media_type;  // what the record's source says until the loader knows better
  size_t max_bytes;        // larger inputs are refused unread (input.too_large)
  bool (*sniff)(std::string_view head, std::string_view path);
  // Fills doc (lines, grids, source.media_type and encoding) or fails with *error.
  bool (*load)(std::string_view bytes, std::string_view path, Document* doc, Error* error);
};

// The loader for an input from its first bytes (at least kSniffBytes when the input has them)
// and its path. Never null: text is the last resort.
const Loader& ChooseLoader(std::string_view head, std::string_view path);

inline constexpr size_t kSniffBytes = 4096;

}  // namespace gongkai

#endif  // GONGKAI_LOAD_LOADERS_H_
