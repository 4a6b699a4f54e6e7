// The public entry point: grammars loaded once, then any number of inputs, each giving a Record.
#ifndef GONGKAI_EXTRACTOR_H_
#define GONGKAI_EXTRACTOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "gongkai/record.h"

namespace gongkai {

class GrammarSet;

// Pipeline stages, in order; Extract can stop after any of them and print its result.
enum class Stage { kLoad, kNormalize, kSegment, kTables, kFigures, kAudit, kAll };

// Parses "load", "normalize", "segment", "tables", "figures", "audit". False if unknown.
bool ParseStage(std::string_view name, Stage* stage);

// What a scraper knew about an input (a row of --manifest): the page title names agency and year
// when the text does not, the publication date gives the timeliness finding.
struct SourceHints {
  std::string url;
  std::string title;
  std::string published;
  std::string agency;
  std::optional<int> year;
};

struct ExtractorOptions {
  // Folder holding grammar TOML files; empty: the grammars compiled into the binary.
  std::string grammar_dir;
};

class Extractor {
 public:
  // Loads and checks the grammars. Returns null and fills *error when they are invalid.
  static std::unique_ptr<Extractor> Create(const ExtractorOptions& options, Error* error);
  ~Extractor();

  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Reads the file at path and extracts its record. Never throws; a bad input gives an error
  // record.
  Record ExtractFile(const std::string& path, const SourceHints& hints = {}) const;

  // Extracts from bytes already in memory; path is only reported.
  Record ExtractBytes(const std::string& path, std::string_view bytes,
                      const SourceHints& hints = {}) const;

  // As ExtractBytes, but stops after stage and returns that stage's result as stable text.
  // An input that fails before stage gives its error record's JSON instead.
  std::string Dump(const std::string& path, std::string_view bytes, Stage stage,
                   const SourceHints& hints = {}) const;

  const GrammarSet& grammars() const { return *grammars_; }

  // Inputs larger than any report (text over 32 MiB, PDF over 256 MiB) are refused with
  // input.too_large.
  static constexpr size_t kMaxTextBytes = size_t{32} << 20;
  static constexpr size_t kMaxPdfBytes = size_t{256} << 20;
  // Fills *record with the input.too_large error record if the file at path is too large,
  // without reading it into memory.
  static bool TooLarge(const std::string& path, Record* record);

 private:
  explicit Extractor(std::unique_ptr<GrammarSet> grammars);
  Record Run(const std::string& path, std::string_view bytes, Stage stop, std::string* dump,
             const SourceHints& hints) const;

  std::unique_ptr<GrammarSet> grammars_;
};

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTOR_H_
