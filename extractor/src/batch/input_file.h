// The one reader of input files for the batch and --dump: it never blocks on what is not a
// regular file (a FIFO, a device, a socket, a folder) and never reads more than the size limits.
#ifndef GONGKAI_BATCH_INPUT_FILE_H_
#define GONGKAI_BATCH_INPUT_FILE_H_

#include <string>

#include "gongkai/record.h"

namespace gongkai {

// Whether path names something that is not a regular file (after symbolic links), from its
// metadata only: the parent decides this without opening the input. A path that does not exist
// is not "not a file": reading it gives io.unreadable.
bool IsNotAFile(const std::string& path);

// Reads the input at path into *bytes. False with *error_record set (io.not_a_file,
// io.unreadable, input.too_large: Extractor::kMaxTextBytes for text, kMaxPdfBytes for a PDF)
// when it cannot be read whole within the limits.
bool ReadInput(const std::string& path, std::string* bytes, Record* error_record);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_INPUT_FILE_H_
