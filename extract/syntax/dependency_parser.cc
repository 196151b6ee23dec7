#include "extract/syntax/dependency_parser.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <ostream>
#include <random>
#include <set>

#include "base/text.h"
#include "extract/syntax/perceptron_trainer.h"

namespace kg::extract {
namespace {

constexpr int kMaxFeatures = 160;
constexpr uint64_t kNullWord = 0x6e756c6c776f7264ULL;
constexpr uint64_t kRootWord = 0x726f6f74776f7264ULL;
constexpr uint32_t kNullTag = 0xFFFF;
constexpr uint32_t kRootTag = 0xFFFE;
constexpr uint32_t kUnknownTag = 0xFFFD;
constexpr uint32_t kNullLabel = 0xFFFF;

// ---- parser state (arc-hybrid; ROOT is token n, at the bottom of the stack) ------------

struct Node {
  int head = -1;
  int label = -1;
  int l1 = -1, l2 = -1, r1 = -1, r2 = -1;  // two leftmost / rightmost children
  int nl = 0, nr = 0;
  uint64_t lset[2] = {0, 0}, rset[2] = {0, 0};  // label sets of left / right children
};

class State {
 public:
  explicit State(int n) : n_(n), b_(0), nodes_(n + 1) {
    stack_.reserve(n + 1);
    stack_.push_back(n);
  }
  int n() const { return n_; }
  int b() const { return b_; }
  // i-th item from the stack top, or -1.
  int S(int i) const {
    const int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[k] : -1;
  }
  // i-th buffer item, or -1.
  int B(int i) const { return b_ + i < n_ ? b_ + i : -1; }
  const Node& node(int i) const { return nodes_[i]; }
  const std::vector<int>& stack() const { return stack_; }
  bool Terminal() const { return b_ == n_ && stack_.size() == 1; }
  bool CanShift() const { return b_ < n_; }
  bool CanLeft() const { return b_ < n_ && stack_.size() >= 2; }
  // RIGHT onto ROOT (stack of two) only at the very end: one root per sentence.
  bool CanRight() const { return stack_.size() > 2 || (stack_.size() == 2 && b_ == n_); }
  bool RightIsRoot() const { return stack_.size() == 2; }

  void Shift() { stack_.push_back(b_++); }
  void Left(int label) {
    const int d = stack_.back();
    stack_.pop_back();
    Attach(b_, d, label);
  }
  void Right(int label) {
    const int d = stack_.back();
    stack_.pop_back();
    Attach(stack_.back(), d, label);
  }

 private:
  void Attach(int h, int d, int label) {
    nodes_[d].head = h;
    nodes_[d].label = label;
    Node& hn = nodes_[h];
    if (d < h || h == n_) {
      if (hn.l1 < 0 || d < hn.l1) {
        hn.l2 = hn.l1;
        hn.l1 = d;
      } else if (hn.l2 < 0 || d < hn.l2) {
        hn.l2 = d;
      }
      ++hn.nl;
      hn.lset[label >> 6] |= 1ULL << (label & 63);
    } else {
      if (hn.r1 < 0 || d > hn.r1) {
        hn.r2 = hn.r1;
        hn.r1 = d;
      } else if (hn.r2 < 0 || d > hn.r2) {
        hn.r2 = d;
      }
      ++hn.nr;
      hn.rset[label >> 6] |= 1ULL << (label & 63);
    }
  }

  int n_;
  int b_;
  std::vector<int> stack_;
  std::vector<Node> nodes_;
};

// Words and tags of a sentence, with ROOT at index n.
struct SentenceAtoms {
  std::vector<uint64_t> word;
  std::vector<uint32_t> tag;     // XPOS id
  std::vector<uint32_t> upos;    // UPOS id
  std::vector<uint64_t> suffix;  // last three bytes of the lower-case word
};

uint32_t Bucket(int d) {
  if (d <= 5) return static_cast<uint32_t>(d);
  return d < 10 ? 6 : 7;
}

uint64_t SetKey(const uint64_t set[2]) { return Mix64(set[0] + 0x51) ^ (set[1] * 0x9E37ULL); }

size_t ExtractFeatures(const State& st, const SentenceAtoms& a, uint64_t* f) {
  const int n = st.n();
  auto W = [&](int i) { return i < 0 ? kNullWord : a.word[i]; };
  auto T = [&](int i) { return i < 0 ? kNullTag : a.tag[i]; };
  auto U = [&](int i) { return i < 0 ? kNullTag : a.upos[i]; };
  auto Suf = [&](int i) { return i < 0 ? kNullWord : a.suffix[i]; };
  auto Lab = [&](int i) { return i < 0 ? kNullLabel : static_cast<uint32_t>(st.node(i).label); };
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  const Node* ns0 = s0 >= 0 ? &st.node(s0) : nullptr;
  const Node* ns1 = s1 >= 0 ? &st.node(s1) : nullptr;
  const Node* nb0 = b0 >= 0 ? &st.node(b0) : nullptr;
  const int s0l = ns0 ? ns0->l1 : -1, s0l2 = ns0 ? ns0->l2 : -1;
  const int s0r = ns0 ? ns0->r1 : -1, s0r2 = ns0 ? ns0->r2 : -1;
  const int s1r = ns1 ? ns1->r1 : -1, s1l = ns1 ? ns1->l1 : -1;
  const int b0l = nb0 ? nb0->l1 : -1, b0l2 = nb0 ? nb0->l2 : -1;
  const uint64_t s0w = W(s0), s1w = W(s1), b0w = W(b0), b1w = W(b1);
  const uint64_t s0t = T(s0), s1t = T(s1), b0t = T(b0), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  const uint64_t s0wt = Mix64(s0w ^ (s0t << 7)), b0wt = Mix64(b0w ^ (b0t << 7));
  const uint64_t s1wt = Mix64(s1w ^ (s1t << 7)), b1wt = Mix64(b1w ^ (b1t << 7));
  const uint32_t d = (s0 >= 0 && s0 != n && b0 >= 0) ? Bucket(b0 - s0) : 0;
  const uint32_t d1 = (s1 >= 0 && s1 != n && s0 >= 0) ? Bucket(s0 - s1) : 0;
  const uint32_t s0vl = ns0 ? std::min(ns0->nl, 6) : 7, s0vr = ns0 ? std::min(ns0->nr, 6) : 7;
  const uint32_t b0vl = nb0 ? std::min(nb0->nl, 6) : 7;
  const uint32_t s1vr = ns1 ? std::min(ns1->nr, 6) : 7, s1vl = ns1 ? std::min(ns1->nl, 6) : 7;
  const uint64_t s0lset = ns0 ? SetKey(ns0->lset) : 1, s0rset = ns0 ? SetKey(ns0->rset) : 1;
  const uint64_t b0lset = nb0 ? SetKey(nb0->lset) : 1, s1rset = ns1 ? SetKey(ns1->rset) : 1;
  size_t k = 0;
  f[k++] = FeatureKey(0, 0);
  // single words
  f[k++] = FeatureKey(1, s0wt);
  f[k++] = FeatureKey(2, s0w);
  f[k++] = FeatureKey(3, s0t);
  f[k++] = FeatureKey(4, b0wt);
  f[k++] = FeatureKey(5, b0w);
  f[k++] = FeatureKey(6, b0t);
  f[k++] = FeatureKey(7, b1wt);
  f[k++] = FeatureKey(8, b1w);
  f[k++] = FeatureKey(9, b1t);
  f[k++] = FeatureKey(10, b2t);
  f[k++] = FeatureKey(11, W(b2));
  f[k++] = FeatureKey(12, s1wt);
  f[k++] = FeatureKey(13, s1w);
  f[k++] = FeatureKey(14, s1t);
  f[k++] = FeatureKey(15, s2t);
  f[k++] = FeatureKey(16, W(s2));
  // pairs
  f[k++] = FeatureKey(20, s0wt, b0wt);
  f[k++] = FeatureKey(21, s0wt, b0w);
  f[k++] = FeatureKey(22, s0w, b0wt);
  f[k++] = FeatureKey(23, s0wt, b0t);
  f[k++] = FeatureKey(24, s0t, b0wt);
  f[k++] = FeatureKey(25, s0w, b0w);
  f[k++] = FeatureKey(26, s0t, b0t);
  f[k++] = FeatureKey(27, b0t, b1t);
  f[k++] = FeatureKey(28, s1w, s0w);
  f[k++] = FeatureKey(29, s1t, s0t);
  f[k++] = FeatureKey(30, s1wt, s0t);
  f[k++] = FeatureKey(31, s1t, s0wt);
  f[k++] = FeatureKey(32, s1t, b0t);
  f[k++] = FeatureKey(33, s1wt, s0wt);
  f[k++] = FeatureKey(34, b0wt, b1t);
  f[k++] = FeatureKey(35, b0w, b1w);
  f[k++] = FeatureKey(36, s0w, b1wt);
  // three words
  f[k++] = FeatureKey(40, b0t, b1t, b2t);
  f[k++] = FeatureKey(41, s0t, b0t, b1t);
  f[k++] = FeatureKey(42, s1t, s0t, b0t);
  f[k++] = FeatureKey(43, s0t, T(s0l), b0t);
  f[k++] = FeatureKey(44, s0t, T(s0r), b0t);
  f[k++] = FeatureKey(45, s0t, b0t, T(b0l));
  f[k++] = FeatureKey(46, s2t, s1t, s0t);
  f[k++] = FeatureKey(47, s1t, T(s1r), s0t);
  f[k++] = FeatureKey(48, s1t, s0t, T(s0l));
  f[k++] = FeatureKey(49, s1t, s0t, T(s0r));
  // distance
  f[k++] = FeatureKey(50, s0w, d);
  f[k++] = FeatureKey(51, s0t, d);
  f[k++] = FeatureKey(52, b0w, d);
  f[k++] = FeatureKey(53, b0t, d);
  f[k++] = FeatureKey(54, s0w, b0w, d);
  f[k++] = FeatureKey(55, s0t, b0t, d);
  f[k++] = FeatureKey(56, s1t, s0t, d1);
  f[k++] = FeatureKey(57, s1w, s0w, d1);
  f[k++] = FeatureKey(58, s1wt, s0t, d1);
  f[k++] = FeatureKey(59, s1t, s0wt, d1);
  // valency
  f[k++] = FeatureKey(60, s0w, s0vr);
  f[k++] = FeatureKey(61, s0t, s0vr);
  f[k++] = FeatureKey(62, s0w, s0vl);
  f[k++] = FeatureKey(63, s0t, s0vl);
  f[k++] = FeatureKey(64, b0w, b0vl);
  f[k++] = FeatureKey(65, b0t, b0vl);
  f[k++] = FeatureKey(66, s1t, s1vr);
  f[k++] = FeatureKey(67, s1w, s1vr);
  f[k++] = FeatureKey(68, s1t, s1vl);
  // children
  f[k++] = FeatureKey(70, W(s0l));
  f[k++] = FeatureKey(71, T(s0l));
  f[k++] = FeatureKey(72, Lab(s0l));
  f[k++] = FeatureKey(73, W(s0r));
  f[k++] = FeatureKey(74, T(s0r));
  f[k++] = FeatureKey(75, Lab(s0r));
  f[k++] = FeatureKey(76, W(b0l));
  f[k++] = FeatureKey(77, T(b0l));
  f[k++] = FeatureKey(78, Lab(b0l));
  f[k++] = FeatureKey(79, W(s1r));
  f[k++] = FeatureKey(80, T(s1r));
  f[k++] = FeatureKey(81, Lab(s1r));
  f[k++] = FeatureKey(82, T(s1l), Lab(s1l));
  f[k++] = FeatureKey(83, s0t, Lab(s0l), Lab(s0r));
  f[k++] = FeatureKey(84, s1t, Lab(s1r), s0t);
  // third order
  f[k++] = FeatureKey(90, W(s0l2));
  f[k++] = FeatureKey(91, T(s0l2));
  f[k++] = FeatureKey(92, Lab(s0l2));
  f[k++] = FeatureKey(93, W(s0r2));
  f[k++] = FeatureKey(94, T(s0r2));
  f[k++] = FeatureKey(95, Lab(s0r2));
  f[k++] = FeatureKey(96, W(b0l2));
  f[k++] = FeatureKey(97, T(b0l2));
  f[k++] = FeatureKey(98, Lab(b0l2));
  f[k++] = FeatureKey(99, s0t, T(s0l), T(s0l2));
  f[k++] = FeatureKey(100, s0t, T(s0r), T(s0r2));
  f[k++] = FeatureKey(101, b0t, T(b0l), T(b0l2));
  // label sets
  f[k++] = FeatureKey(110, s0w, s0rset);
  f[k++] = FeatureKey(111, s0t, s0rset);
  f[k++] = FeatureKey(112, s0w, s0lset);
  f[k++] = FeatureKey(113, s0t, s0lset);
  f[k++] = FeatureKey(114, b0w, b0lset);
  f[k++] = FeatureKey(115, b0t, b0lset);
  f[k++] = FeatureKey(116, s1t, s1rset);
  f[k++] = FeatureKey(117, s1w, s1rset);
  // universal tags (they separate what XPOS conflates: SCONJ/ADP for IN, AUX/VERB)
  const uint64_t s0u = U(s0), b0u = U(b0), s1u = U(s1), b1u = U(b1);
  f[k++] = FeatureKey(120, s0u, b0u);
  f[k++] = FeatureKey(121, s1u, s0u);
  f[k++] = FeatureKey(122, s1u, s0u, b0u);
  f[k++] = FeatureKey(123, s0u, b0u, b1u);
  f[k++] = FeatureKey(124, s0w, b0u);
  f[k++] = FeatureKey(125, s0u, b0w);
  f[k++] = FeatureKey(126, s1u, s0w);
  // suffixes, for words too rare to have weights of their own
  f[k++] = FeatureKey(130, Suf(b0), b0t);
  f[k++] = FeatureKey(131, Suf(s0), s0t);
  f[k++] = FeatureKey(132, Suf(s0), b0t);
  f[k++] = FeatureKey(133, s0t, Suf(b0));
  return k;
}

// ---- actions -------------------------------------------------------------------------

// 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l).
struct ActionSpace {
  int num_labels;
  int root_label;
  int size() const { return 1 + 2 * num_labels; }
  bool IsLegal(const State& st, int a) const {
    if (a == 0) return st.CanShift();
    if (a <= num_labels) return st.CanLeft() && a - 1 != root_label;
    if (!st.CanRight()) return false;
    return (a - 1 - num_labels == root_label) == st.RightIsRoot();
  }
  // The action when it is the only legal one (SHIFT onto a stack holding only ROOT;
  // RIGHT onto ROOT when the buffer is empty and one word is left), else -1. Scoring
  // such a state cannot change the decision, so Parse() skips it.
  int Forced(const State& st) const {
    if (st.CanShift() && !st.CanLeft() && !st.CanRight()) return 0;
    if (!st.CanShift() && !st.CanLeft() && st.CanRight() && st.RightIsRoot()) {
      return 1 + num_labels + root_label;
    }
    return -1;
  }
  void Apply(State* st, int a) const {
    if (a == 0) {
      st->Shift();
    } else if (a <= num_labels) {
      st->Left(a - 1);
    } else {
      st->Right(a - 1 - num_labels);
    }
  }
};

// The legal action of highest score, the first of equal ones. For parsing; training
// uses IsLegal() action by action.
int Best(const ActionSpace& as, const State& st, const float* scores) {
  int best = -1;
  auto consider = [&](int a) {
    if (best < 0 || scores[a] > scores[best]) best = a;
  };
  // The legal actions by range, in increasing order as IsLegal() would pass them.
  const int lefts = 1, rights = 1 + as.num_labels;
  if (st.CanShift()) consider(0);
  if (st.CanLeft()) {
    for (int l = 0; l < as.num_labels; ++l) {
      if (l != as.root_label) consider(lefts + l);
    }
  }
  if (st.CanRight()) {
    if (st.RightIsRoot()) {
      consider(rights + as.root_label);
    } else {
      for (int l = 0; l < as.num_labels; ++l) {
        if (l != as.root_label) consider(rights + l);
      }
    }
  }
  return best;
}

SentenceAtoms MakeAtoms(const Sentence& s, const std::map<std::string, uint32_t>& tag_ids,
                        const std::map<std::string, uint32_t>& upos_ids) {
  SentenceAtoms a;
  const size_t n = s.tokens.size();
  a.word.resize(n + 1);
  a.tag.resize(n + 1);
  a.upos.resize(n + 1);
  a.suffix.resize(n + 1);
  std::string lower;  // reused: no allocation per token
  for (size_t i = 0; i < n; ++i) {
    base::AsciiLowerInto(s.tokens[i].text, &lower);
    a.word[i] = base::StableHash64(lower);
    a.suffix[i] = base::StableHash64(std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0)) + 3;
    auto it = tag_ids.find(s.tokens[i].xpos);
    a.tag[i] = it == tag_ids.end() ? kUnknownTag : it->second;
    auto u = upos_ids.find(s.tokens[i].upos);
    a.upos[i] = u == upos_ids.end() ? kUnknownTag : u->second;
  }
  a.word[n] = kRootWord;
  a.tag[n] = kRootTag;
  a.upos[n] = kRootTag;
  a.suffix[n] = kRootWord;
  return a;
}

// ---- projectivisation ------------------------------------------------------------------

// heads: 0..n-1, or n for ROOT. Is the arc into d projective?
bool ArcIsProjective(const std::vector<int>& heads, int d) {
  const int n = static_cast<int>(heads.size());
  const int h = heads[d];
  if (h == n) return true;  // ROOT sits left of every word; its single child spans all
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int x = k;
    int steps = 0;
    while (x != h && x != n && steps++ <= n) x = heads[x];
    if (x != h) return false;
  }
  return true;
}

// Lifts non-projective arcs (the shortest first) to the head's head until the tree is
// projective. Returns false for a malformed tree (cycle, no single root).
bool Projectivize(std::vector<int>* heads) {
  const int n = static_cast<int>(heads->size());
  int roots = 0;
  for (int d = 0; d < n; ++d) {
    if ((*heads)[d] == n) ++roots;
    if ((*heads)[d] < 0 || (*heads)[d] > n || (*heads)[d] == d) return false;
  }
  if (roots != 1) return false;
  for (int d = 0; d < n; ++d) {  // acyclic: every word reaches ROOT
    int x = d, steps = 0;
    while (x != n && steps++ <= n) x = (*heads)[x];
    if (x != n) return false;
  }
  for (int iter = 0; iter < n * n; ++iter) {
    int pick = -1;
    for (int d = 0; d < n; ++d) {
      if (ArcIsProjective(*heads, d)) continue;
      if (pick < 0 || std::abs((*heads)[d] - d) < std::abs((*heads)[pick] - pick)) pick = d;
    }
    if (pick < 0) return true;
    (*heads)[pick] = (*heads)[(*heads)[pick]];
  }
  return false;
}

}  // namespace

// ---- parsing ---------------------------------------------------------------------------

void DependencyParser::Parse(Sentence* sentence) const {
  const int n = static_cast<int>(sentence->tokens.size());
  if (n == 0) return;
  const SentenceAtoms atoms = MakeAtoms(*sentence, tag_ids_, upos_ids_);
  const ActionSpace as{static_cast<int>(labels_.size()), root_label_};
  std::vector<float> scores(as.size());
  uint64_t f[kMaxFeatures];
  State st(n);
  while (!st.Terminal()) {
    if (const int forced = as.Forced(st); forced >= 0) {
      as.Apply(&st, forced);
      continue;
    }
    const size_t nf = ExtractFeatures(st, atoms, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(f, nf, scores.data());
    as.Apply(&st, Best(as, st, scores.data()));
  }
  for (int i = 0; i < n; ++i) {
    const Node& node = st.node(i);
    Token& t = sentence->tokens[i];
    t.head = node.head == n ? -1 : node.head;
    t.deprel = labels_[node.label];
  }
}

// ---- training --------------------------------------------------------------------------

class ParserTraining {
 public:
  static base::Result<std::unique_ptr<DependencyParser>> Run(const std::vector<Sentence>& train,
                                                              const ParserTrainOptions& options);
};

base::Result<std::unique_ptr<DependencyParser>> ParserTraining::Run(
    const std::vector<Sentence>& train, const ParserTrainOptions& options) {
  std::unique_ptr<DependencyParser> parser(new DependencyParser());
  parser->metadata_ = options.metadata;
  std::set<std::string> labels{"root"}, tags, upos;
  for (const auto& s : train) {
    for (const auto& t : s.tokens) {
      if (!t.deprel.empty()) labels.insert(t.deprel);
      tags.insert(t.xpos);
      upos.insert(t.upos);
    }
  }
  parser->upos_.assign(upos.begin(), upos.end());
  for (uint32_t i = 0; i < parser->upos_.size(); ++i) parser->upos_ids_[parser->upos_[i]] = i;
  if (labels.size() > 128) {
    return base::Status::InvalidArgument("the training data has " + std::to_string(labels.size()) +
                                         " dependency labels; at most 128 are supported");
  }
  parser->labels_.assign(labels.begin(), labels.end());
  parser->root_label_ = static_cast<int>(
      std::find(parser->labels_.begin(), parser->labels_.end(), "root") - parser->labels_.begin());
  parser->tags_.assign(tags.begin(), tags.end());
  std::map<std::string, uint32_t> label_ids;
  for (uint32_t i = 0; i < parser->tags_.size(); ++i) parser->tag_ids_[parser->tags_[i]] = i;
  const auto& tag_ids = parser->tag_ids_;
  for (uint32_t i = 0; i < parser->labels_.size(); ++i) label_ids[parser->labels_[i]] = i;

  struct Example {
    SentenceAtoms atoms;
    std::vector<int> heads;   // projectivised gold heads, n = ROOT
    std::vector<int> labels;
  };
  std::vector<Example> examples;
  size_t skipped = 0, lifted = 0;
  for (const auto& s : train) {
    const int n = static_cast<int>(s.tokens.size());
    if (n == 0) continue;
    Example ex;
    ex.atoms = MakeAtoms(s, tag_ids, parser->upos_ids_);
    for (const auto& t : s.tokens) {
      ex.heads.push_back(t.head < 0 ? n : t.head);
      ex.labels.push_back(static_cast<int>(label_ids[t.deprel.empty() ? "dep" : t.deprel]));
    }
    const std::vector<int> original = ex.heads;
    if (!Projectivize(&ex.heads)) {
      ++skipped;
      continue;
    }
    if (ex.heads != original) ++lifted;
    examples.push_back(std::move(ex));
  }
  if (examples.empty()) {
    return base::Status::InvalidArgument("no well-formed dependency trees in the training data");
  }
  if (options.log) {
    *options.log << "parser: " << examples.size() << " trees (" << lifted
                 << " projectivised, " << skipped << " malformed skipped), "
                 << parser->labels_.size() << " labels\n";
  }

  const ActionSpace as{static_cast<int>(parser->labels_.size()), parser->root_label_};
  PerceptronTrainer trainer(as.size());
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(as.size());
  std::vector<int> costs(as.size());
  uint64_t f[kMaxFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t steps = 0, errors = 0;
    const bool explore = epoch >= options.explore_after;
    for (size_t ei : order) {
      const Example& ex = examples[ei];
      const int n = static_cast<int>(ex.heads.size());
      State st(n);
      while (!st.Terminal()) {
        const size_t nf = ExtractFeatures(st, ex.atoms, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(f, nf, scores.data());
        // Dynamic oracle: the gold arcs each action makes unreachable.
        const int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0);
        int deps_in_buffer = 0;  // gold dependents of s0 still in the buffer
        if (s0 >= 0 && s0 != n) {
          for (int d = st.b(); d < n; ++d) deps_in_buffer += ex.heads[d] == s0;
        }
        int cost_shift = 0, cost_left = 0, cost_right = 0;
        if (b0 >= 0) {
          const int h = ex.heads[b0];
          for (int x : st.stack()) {
            if (x == h && x != s0) ++cost_shift;
            if (x != n && ex.heads[x] == b0) ++cost_shift;
          }
        }
        if (s0 >= 0 && s0 != n) {
          const int h = ex.heads[s0];
          cost_left = deps_in_buffer + ((h == s1 || (h > st.b() && h < n)) ? 1 : 0);
          cost_right = deps_in_buffer + ((b0 >= 0 && h >= st.b() && h < n) ? 1 : 0);
        }
        int min_cost = 1 << 30;
        for (int a = 0; a < as.size(); ++a) {
          if (!as.IsLegal(st, a)) {
            costs[a] = -1;
            continue;
          }
          int c;
          if (a == 0) {
            c = cost_shift;
          } else if (a <= as.num_labels) {
            c = cost_left + (ex.heads[s0] == b0 && a - 1 != ex.labels[s0] ? 1 : 0);
          } else {
            c = cost_right + (ex.heads[s0] == s1 && a - 1 - as.num_labels != ex.labels[s0] ? 1 : 0);
          }
          costs[a] = c;
          min_cost = std::min(min_cost, c);
        }
        int pred = -1, gold = -1;
        for (int a = 0; a < as.size(); ++a) {
          if (costs[a] < 0) continue;
          if (pred < 0 || scores[a] > scores[pred]) pred = a;
          if (costs[a] == min_cost && (gold < 0 || scores[a] > scores[gold])) gold = a;
        }
        ++steps;
        int next = pred;
        if (costs[pred] != min_cost) {
          ++errors;
          trainer.Update(f, nf, gold, pred);
          const bool follow_mistake =
              explore && static_cast<double>(rng() >> 11) * 0x1.0p-53 < options.explore_prob;
          if (!follow_mistake) next = gold;
        }
        trainer.Tick();
        as.Apply(&st, next);
      }
    }
    if (options.log) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      *options.log << "parser epoch " << (epoch + 1) << ": " << errors << " wrong of " << steps
                   << " transitions (" << trainer.num_features() << " features, " << secs
                   << " s)";
      if (options.dev) {
        parser->model_ = trainer.Average(options.prune);
        size_t words = 0, uas = 0, las = 0;
        for (const auto& gold : *options.dev) {
          Sentence s = gold;
          parser->Parse(&s);
          for (size_t i = 0; i < s.tokens.size(); ++i) {
            ++words;
            if (s.tokens[i].head != gold.tokens[i].head) continue;
            ++uas;
            const auto& g = gold.tokens[i].deprel;
            const auto& p = s.tokens[i].deprel;
            las += g.substr(0, g.find(':')) == p.substr(0, p.find(':'));
          }
        }
        *options.log << "; dev UAS " << 100.0 * uas / std::max<size_t>(words, 1) << " LAS "
                     << 100.0 * las / std::max<size_t>(words, 1);
      }
      *options.log << "\n";
      options.log->flush();
    }
  }
  parser->model_ = trainer.Average(options.prune);
  return parser;
}

base::Result<std::unique_ptr<DependencyParser>> DependencyParser::Train(
    const std::vector<Sentence>& train, const ParserTrainOptions& options) {
  return ParserTraining::Run(train, options);
}

// ---- files -----------------------------------------------------------------------------

base::Status DependencyParser::Save(std::ostream& out) const {
  ModelWriter w(out);
  w.Header(kFormat, kVersion, metadata_);
  w.Strings(labels_);
  w.U32(static_cast<uint32_t>(root_label_));
  w.Strings(tags_);
  w.Strings(upos_);
  model_.Save(w);
  return w.Finish();
}

base::Result<std::unique_ptr<DependencyParser>> DependencyParser::Load(std::istream& in,
                                                                       const std::string& source) {
  std::unique_ptr<DependencyParser> p(new DependencyParser());
  ModelReader r(in, source);
  KG_RETURN_IF_ERROR(r.Header(kFormat, kVersion, &p->metadata_));
  p->labels_ = r.Strings();
  p->root_label_ = static_cast<int>(r.U32());
  p->tags_ = r.Strings();
  for (uint32_t i = 0; i < p->tags_.size(); ++i) p->tag_ids_[p->tags_[i]] = i;
  p->upos_ = r.Strings();
  for (uint32_t i = 0; i < p->upos_.size(); ++i) p->upos_ids_[p->upos_[i]] = i;
  p->model_.Load(r);
  KG_RETURN_IF_ERROR(r.Finish());
  if (p->labels_.empty() || p->labels_.size() > 128 || p->root_label_ < 0 ||
      p->root_label_ >= static_cast<int>(p->labels_.size()) ||
      p->model_.num_classes() != static_cast<int>(1 + 2 * p->labels_.size())) {
    return base::Status::Corruption(source + ": corrupt model file: label table disagrees with the weights");
  }
  return p;
}

base::Result<std::unique_ptr<DependencyParser>> DependencyParser::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open parser model " + path);
  return Load(in, path);
}

}  // namespace kg::extract
