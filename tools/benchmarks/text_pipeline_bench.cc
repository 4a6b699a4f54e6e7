// Throughput of the whole text pipeline (load → … → JSON line) over the corpus texts, one thread,
// in bytes of input per second. The peer, measured in the same run on the same bytes, is ICU's
// NFKC normalization alone: the least any Unicode-aware reader of these texts has to do.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongkai/extractor.h"
#include "gongkai/jsonl.h"
#include "normalize/normalize.h"

namespace {

struct Corpus {
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  size_t bytes = 0;
};

const Corpus& Texts() {
  static const Corpus corpus = [] {
    Corpus c;
    std::string root = std::string(GONGKAI_SOURCE_DIR) + "/corpus";
    for (const char* dir : {"/real", "/variants", "/derived"}) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(root + dir)) {
        if (e.path().filename() != "input.txt") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        c.bytes += s.str().size();
        c.files.emplace_back(e.path().string(), s.str());
      }
    }
    return c;
  }();
  return corpus;
}

void BM_TextPipeline(benchmark::State& state) {
  gongkai::Error error;
  auto extractor = gongkai::Extractor::Create({}, &error);
  const Corpus& corpus = Texts();
  size_t out_bytes = 0;
  for (auto _ : state) {
    for (const auto& [path, bytes] : corpus.files) {
      std::string line = gongkai::ToJsonLine(extractor->ExtractBytes(path, bytes));
      out_bytes += line.size();
      benchmark::DoNotOptimize(line.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["files"] = static_cast<double>(corpus.files.size());
  state.counters["reports/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus.files.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_PeerIcuNfkc(benchmark::State& state) {
  gongkai::Normalizer normalizer;
  const Corpus& corpus = Texts();
  for (auto _ : state) {
    for (const auto& [path, bytes] : corpus.files) {
      std::string norm = normalizer.Normalize(bytes);
      benchmark::DoNotOptimize(norm.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
}
BENCHMARK(BM_PeerIcuNfkc)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Start-up: loading and compiling the grammars (paid once per process).
void BM_CreateExtractor(benchmark::State& state) {
  for (auto _ : state) {
    gongkai::Error error;
    auto extractor = gongkai::Extractor::Create({}, &error);
    benchmark::DoNotOptimize(extractor.get());
  }
}
BENCHMARK(BM_CreateExtractor)->Unit(benchmark::kMillisecond);

// One benchmark per corpus text (run with --benchmark_filter=BM_File to see which inputs cost
// most).
void BM_File(benchmark::State& state, const std::string& path, const std::string& bytes) {
  gongkai::Error error;
  auto extractor = gongkai::Extractor::Create({}, &error);
  for (auto _ : state) {
    std::string line = gongkai::ToJsonLine(extractor->ExtractBytes(path, bytes));
    benchmark::DoNotOptimize(line.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& [path, bytes] : Texts().files) {
    std::string name = "BM_File/" + std::filesystem::path(path).parent_path().filename().string();
    benchmark::RegisterBenchmark(name.c_str(), BM_File, path, bytes);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
