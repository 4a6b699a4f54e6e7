// Figures stated in sentences (「全年共收到政府信息公开申请17件」), by the rules of
// grammars/prose.toml: the record's `prose` block, never mixed into the table figures.
#ifndef GONGKAI_PROSE_PROSE_H_
#define GONGKAI_PROSE_PROSE_H_

#include <string>
#include <vector>

#include "gongkai/record.h"
#include "grammar/grammar.h"
#include "model/document.h"

namespace gongkai {

// One figure per prose key: the first sentence (in document order) that states it.
std::vector<ProseFigure> FindProse(const Document& doc, const GrammarSet& grammars);

// A sentence's figures (the pieces FindProse reads; for tests and the lint).
std::vector<ProseFigure> ProseOfSentence(std::string_view sentence, const GrammarSet& grammars);

std::string DumpProse(const std::vector<ProseFigure>& prose);

}  // namespace gongkai

#endif  // GONGKAI_PROSE_PROSE_H_
