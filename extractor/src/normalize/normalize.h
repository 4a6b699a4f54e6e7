// The normalize stage: fills each line's matching copy (HTML character references such as
// &nbsp; decoded, NFKC, zero-width characters removed, every kind of space as ASCII space) and
// keeps the original for provenance.
#ifndef GONGKAI_NORMALIZE_NORMALIZE_H_
#define GONGKAI_NORMALIZE_NORMALIZE_H_

#include <string>
#include <string_view>

#include "model/document.h"

namespace gongkai {

class Normalizer {
 public:
  Normalizer();  // ICU's NFKC instance is process-wide and immutable: cheap to share.

  // The matching copy of one piece of text.
  std::string Normalize(std::string_view text) const;

  void NormalizeDocument(Document* doc) const;

 private:
  std::string NormalizeDecoded(std::string_view text) const;  // after HTML references

  const void* nfkc_;  // icu::Normalizer2, kept out of this header
};

}  // namespace gongkai

#endif  // GONGKAI_NORMALIZE_NORMALIZE_H_
