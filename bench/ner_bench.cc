// ner_bench: a timed run over the Universal NER English-EWT test file (gold tokens, with
// the UD EWT POS tags attached, so that only NER is timed: "on top of tagging") printing
// tokens per second for the NER tagger alone and the whole EntityRecognizer (tagger,
// gazetteer, rules, entity resolution), one thread, best of three runs; and the time to
// load the gazetteer and the model. Skips with a message when ../shared or the model
// is absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/resources.h"
#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_trainer.h"
#include "extract/ner/title_lexicon.h"

using namespace kg::extract;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double BestSeconds(const std::function<void()>& run) {
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, Seconds(start));
  }
  return best;
}

void Print(const char* what, size_t tokens, double seconds) {
  std::printf("%-36s %10.0f tokens/s  (%.3f s for %zu tokens)\n", what, tokens / seconds, seconds, tokens);
}

}  // namespace

int main() {
  const std::string shared = KG_SHARED_DIR;
  const std::string iob2 = shared + "/corpora/uner-english-ewt/en_ewt-ud-test.iob2";
  const std::string conllu = shared + "/corpora/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(iob2) || !std::filesystem::exists(conllu)) {
    std::printf("ner_bench: SKIPPED, %s is absent (needs ../shared)\n", iob2.c_str());
    return 0;
  }
  auto models = kg::base::FindResourceDir(kg::base::ResourceKind::kModels);
  auto data = kg::base::FindResourceDir(kg::base::ResourceKind::kData);
  if (!models.ok() || !data.ok()) {
    std::printf("ner_bench: SKIPPED, %s\n", (models.ok() ? data.status() : models.status()).message().c_str());
    return 0;
  }
  auto start = Clock::now();
  auto gazetteer = Gazetteer::LoadDir(*data + "/gazetteer");
  auto titles = TitleLexicon::LoadDir(*data + "/gazetteer");
  const double lexicon_s = Seconds(start);
  start = Clock::now();
  auto recognizer = EntityRecognizer::Load(*models, *data);
  const double load_s = Seconds(start);
  if (!gazetteer.ok() || !titles.ok() || !recognizer.ok()) {
    std::printf("ner_bench: SKIPPED, %s\n",
                (!recognizer.ok() ? recognizer.status() : !gazetteer.ok() ? gazetteer.status() : titles.status())
                    .message()
                    .c_str());
    return 0;
  }
  auto examples = ReadIob2File(iob2);
  if (!examples.ok()) {
    std::printf("ner_bench: %s\n", examples.status().message().c_str());
    return 1;
  }
  if (auto s = AttachConlluTags(conllu, &*examples); !s.ok()) {
    std::printf("ner_bench: %s\n", s.message().c_str());
    return 1;
  }
  size_t tokens = 0;
  for (const NerExample& e : *examples) tokens += e.tokens.size();

  std::printf("ner_bench: %zu sentences, %zu tokens of %s\n", examples->size(), tokens, iob2.c_str());
  std::printf("%-36s %10.1f ms\n", "load gazetteer + titles", lexicon_s * 1000);
  std::printf("%-36s %10.1f ms\n", "load recognizer (lexicons + model)", load_s * 1000);
  const NerTagger& tagger = *(*recognizer)->tagger();
  Print("NER tagger (features + Viterbi)",
        tokens, BestSeconds([&] { TagExamples(tagger, gazetteer->get(), titles->get(), *examples); }));
  std::vector<Document> docs = DocumentsFromExamples(*examples);
  Print("EntityRecognizer (everything)", tokens, BestSeconds([&] {
          for (Document& doc : docs) (*recognizer)->Recognize(doc, "2025-06-08");
        }));
  return 0;
}
