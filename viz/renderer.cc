#include "viz/renderer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unistd.h>

#include "base/utf8.h"
#include "graph/graph_ops.h"

namespace kg::viz {

namespace {

// Graphviz's globals (error handler, plugin state, layout scratch) are shared by every
// context in the process: one lock guards them all.
std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// Collects what Graphviz reports while a MessageCapture is alive (under GraphvizMutex).
std::string* g_messages = nullptr;
int CollectMessage(char* message) {
  if (g_messages != nullptr) g_messages->append(message);
  return 0;
}

class MessageCapture {
 public:
  MessageCapture() : previous_(agseterrf(CollectMessage)) { g_messages = &text_; }
  ~MessageCapture() {
    agseterrf(previous_);
    g_messages = nullptr;
  }
  // The error lines, without "Error: " and joined by "; ", or "" when there are none.
  std::string Errors() const {
    std::string out;
    size_t start = 0;
    while (start < text_.size()) {
      size_t end = text_.find('\n', start);
      if (end == std::string::npos) end = text_.size();
      std::string line = text_.substr(start, end - start);
      start = end + 1;
      if (line.rfind("Error: ", 0) != 0) continue;
      line.erase(0, 7);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (!out.empty()) out += "; ";
      out += line;
    }
    return out;
  }

 private:
  agusererrf previous_;
  std::string text_;
};

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// Node look per entity type; the legend shows the same look with `legend` as label.
struct TypeStyle {
  proto::EntityType type;
  const char* legend;
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

constexpr TypeStyle kTypeStyles[] = {
    {proto::PERSON, "person", "ellipse", "filled", "#cfe2f3", "#3d6b99"},
    {proto::ORG, "organisation", "box", "filled,rounded", "#d9ead3", "#4f7a3a"},
    {proto::GPE, "country / city", "hexagon", "filled", "#fce5cd", "#b45f06"},
    {proto::LOC, "place", "house", "filled", "#fff2cc", "#9c7b00"},
    {proto::NORP, "group / nationality", "parallelogram", "filled", "#ead1dc", "#8e3b63"},
    {proto::DATE, "date", "note", "filled", "#eeeeee", "#666666"},
    {proto::CONCEPT, "concept", "box", "filled,dashed", "#ffffff", "#999999"},
    {proto::ENTITY_TYPE_UNSPECIFIED, "other", "ellipse", "filled", "#ffffff", "#666666"},
};

const TypeStyle& StyleFor(proto::EntityType type) {
  for (const TypeStyle& s : kTypeStyles) {
    if (s.type == type) return s;
  }
  return kTypeStyles[std::size(kTypeStyles) - 1];
}

constexpr const char* kCooperationColour = "#2e7d32";
constexpr const char* kConflictColour = "#c62828";
constexpr const char* kNeutralColour = "#616161";
constexpr const char* kFont = "Helvetica,Arial,sans-serif";

enum class Tone { kNeutral, kCooperation, kConflict };
// Mild scores (a request, -1; a statement, 0) stay grey: colour is for clear cooperation
// (consulting, +2, and up) and clear conflict (accusing, -3, and down).
Tone ToneOf(const proto::Relation& r) {
  if (r.cooperation() >= 1.5f) return Tone::kCooperation;
  if (r.cooperation() <= -1.5f) return Tone::kConflict;
  return Tone::kNeutral;
}

// A Graphviz escString: valid UTF-8 (bad bytes -> U+FFFD), control characters as spaces,
// and backslashes doubled so that "\N", "\G"... in names stay literal.
std::string EscString(std::string_view raw, size_t max_code_points = 0) {
  std::string out;
  out.reserve(raw.size());
  size_t count = 0;
  for (size_t pos = 0; pos < raw.size();) {
    if (max_code_points > 0 && count == max_code_points) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    char32_t cp = base::DecodeUtf8(raw, &pos);
    ++count;
    if (cp < 0x20 || cp == 0x7F) cp = ' ';
    if (cp == '\\') out += '\\';
    base::AppendUtf8(cp, &out);
  }
  return out;
}

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

void SetDefault(Agraph_t* g, int kind, const char* name, const char* value) {
  agattr(g, kind, const_cast<char*>(name), const_cast<char*>(value));
}

std::string Humanise(const std::string& predicate) {
  std::string out = predicate;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

const char* ModalityNote(proto::Modality m) {
  switch (m) {
    case proto::INTENDED:
      return " (intended)";
    case proto::OBLIGATION:
      return " (obligation)";
    case proto::POSSIBLE:
      return " (possible)";
    case proto::REPORTED:
      return " (reported)";
    default:
      return "";
  }
}

std::string EdgeLabel(const proto::Relation& r) {
  std::string label = r.polarity() == proto::NEGATED ? "not " : "";
  label += Humanise(r.predicate().empty() ? r.category() : r.predicate());
  label += ModalityNote(r.modality());
  if (r.mention_count() > 1) label += " \xC3\x97" + std::to_string(r.mention_count());  // ×N
  return EscString(label);
}

std::string NodeTooltip(const proto::Entity& e) {
  std::string text = e.name() + " (" + graph::EntityTypeName(e.type()) + ")";
  if (!e.description().empty()) text += ", " + e.description();
  if (e.aliases_size() > 0) {
    text += "; also:";
    for (const std::string& alias : e.aliases()) text += " " + alias + ";";
    text.pop_back();
  }
  return EscString(text, 400);
}

// The legend: one node holding an HTML-like table (a swatch and a name per entity type
// present, then the edge colours and the negation mark used), inside a cluster. One node,
// so that every engine keeps it together; the cluster gives it a frame.
void AddLegend(Agraph_t* g, const proto::Graph& graph) {
  std::set<int> types;
  std::set<Tone> tones;
  bool negated = false;
  for (const proto::Entity& e : graph.entities()) types.insert(StyleFor(e.type()).type);
  for (const proto::Relation& r : graph.relations()) {
    tones.insert(ToneOf(r));
    negated |= r.polarity() == proto::NEGATED;
  }
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
      "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"11\">Legend</FONT></TD></TR>";
  auto row = [&html](const std::string& swatch, const std::string& text) {
    html += "<TR>" + swatch + "<TD ALIGN=\"LEFT\">" + text + "</TD></TR>";
  };
  for (const TypeStyle& s : kTypeStyles) {
    if (!types.count(s.type)) continue;
    row(std::string("<TD BORDER=\"1\" COLOR=\"") + s.border + "\" BGCOLOR=\"" + s.fill +
            "\" WIDTH=\"22\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>",
        s.legend);
  }
  auto line_row = [&row](const char* colour, const char* text) {
    row(std::string("<TD BGCOLOR=\"") + colour + "\" WIDTH=\"22\" HEIGHT=\"3\" FIXEDSIZE=\"TRUE\"></TD>",
        std::string("<FONT COLOR=\"") + colour + "\">" + text + "</FONT>");
  };
  if (tones.count(Tone::kCooperation)) line_row(kCooperationColour, "cooperation");
  if (tones.count(Tone::kConflict)) line_row(kConflictColour, "conflict");
  if (negated) {
    row(std::string("<TD><FONT COLOR=\"") + kNeutralColour + "\">- - -</FONT></TD>",
        "not (negated)");
  }
  html += "</TABLE>";

  Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 1);
  Set(legend, "style", "rounded,dashed");
  Set(legend, "color", "#999999");
  Agnode_t* n = agnode(legend, const_cast<char*>("kg-legend"), 1);
  char* label = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agsafeset(n, const_cast<char*>("label"), label, const_cast<char*>(""));
  agstrfree(g, label);
  Set(n, "shape", "plain");
  Set(n, "style", "");
  Set(n, "fontsize", "9");
  Set(n, "tooltip", "Legend");
}

// Builds the styled cgraph graph of `graph` (REQUIRES: SortedGraph order, CheckGraph ok).
GraphPtr BuildGraph(const proto::Graph& graph, const RenderOptions& options, Agdisc_t* disc) {
  GraphPtr g(agopen(const_cast<char*>("kg"), Agdirected, disc));
  Agraph_t* root = g.get();
  SetDefault(root, AGRAPH, "charset", "UTF-8");
  SetDefault(root, AGRAPH, "fontname", kFont);
  SetDefault(root, AGRAPH, "bgcolor", "white");
  SetDefault(root, AGRAPH, "pad", "0.2");
  SetDefault(root, AGRAPH, "outputorder", "edgesfirst");
  if (options.engine == "dot") {
    SetDefault(root, AGRAPH, "rankdir", "LR");
    if (Renderer::LargeForDot(graph)) {
      // Past this size dot's crossing minimisation, network simplex and spline routing
      // grow from seconds to hours (edge labels and long edges become thousands of
      // virtual nodes): bound the iterations and draw straight edges.
      SetDefault(root, AGRAPH, "mclimit", "0.3");
      SetDefault(root, AGRAPH, "nslimit", "1");
      SetDefault(root, AGRAPH, "nslimit1", "1");
      SetDefault(root, AGRAPH, "splines", "line");
    }
  } else {
    SetDefault(root, AGRAPH, "overlap", "false");
    SetDefault(root, AGRAPH, "sep", "+6");
  }
  if (!options.title.empty()) {
    SetDefault(root, AGRAPH, "label", EscString(options.title).c_str());
    SetDefault(root, AGRAPH, "labelloc", "t");
    SetDefault(root, AGRAPH, "fontsize", "16");
  }
  SetDefault(root, AGNODE, "fontname", kFont);
  SetDefault(root, AGNODE, "fontsize", "11");
  SetDefault(root, AGNODE, "style", "filled");
  SetDefault(root, AGEDGE, "fontname", kFont);
  SetDefault(root, AGEDGE, "fontsize", "9");
  SetDefault(root, AGEDGE, "arrowsize", "0.7");

  std::vector<Agnode_t*> nodes;
  std::unordered_map<std::string_view, Agnode_t*> node_of;
  for (const proto::Entity& e : graph.entities()) {
    Agnode_t* n = agnode(root, const_cast<char*>(e.id().c_str()), 1);
    const TypeStyle& s = StyleFor(e.type());
    Set(n, "label", EscString(e.name().empty() ? e.id() : e.name()));
    Set(n, "shape", s.shape);
    Set(n, "style", s.style);
    Set(n, "fillcolor", s.fill);
    Set(n, "color", s.border);
    Set(n, "tooltip", NodeTooltip(e));
    node_of.emplace(e.id(), n);
  }
  for (const proto::Relation& r : graph.relations()) {
    Agedge_t* e = agedge(root, node_of.at(r.subject()), node_of.at(r.object()), nullptr, 1);
    const Tone tone = ToneOf(r);
    const char* colour = tone == Tone::kCooperation ? kCooperationColour
                         : tone == Tone::kConflict  ? kConflictColour
                                                    : kNeutralColour;
    Set(e, "label", EdgeLabel(r));
    Set(e, "color", colour);
    Set(e, "fontcolor", colour);
    if (r.polarity() == proto::NEGATED) Set(e, "style", "dashed");
    if (r.symmetric()) Set(e, "dir", "both");
    if (r.mention_count() > 1) {
      const double width = 1.0 + std::min(3.0, std::log2(static_cast<double>(r.mention_count())));
      Set(e, "penwidth", std::to_string(width).substr(0, 4));
    }
    if (r.evidence_size() > 0) Set(e, "tooltip", EscString(r.evidence(0).sentence(), 300));
  }
  if (options.legend && graph.entities_size() > 0) AddLegend(root, graph);
  return g;
}

// cairo stamps PDFs with the time of rendering; put a fixed date there (SOURCE_DATE_EPOCH
// when set, else 1970-01-01) so equal graphs give equal files. Same length: offsets hold.
void FixPdfDates(std::string* pdf) {
  std::time_t when = 0;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) when = std::atoll(epoch);
  std::tm tm{};
  gmtime_r(&when, &tm);
  char stamp[16];
  std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
  for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
    for (size_t at = pdf->find(key); at != std::string::npos; at = pdf->find(key, at + 1)) {
      const size_t digits = at + std::strlen(key);
      if (digits + 14 > pdf->size()) break;
      if (!std::all_of(pdf->begin() + digits, pdf->begin() + digits + 14,
                       [](char c) { return c >= '0' && c <= '9'; })) {
        continue;
      }
      pdf->replace(digits, 14, stamp, 14);
    }
  }
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::set<std::string> PluginNames(GVC_t* gvc, const char* kind) {
  std::set<std::string> names;
  int count = 0;
  char** list = gvPluginList(gvc, kind, &count, nullptr);
  for (int i = 0; i < count; ++i) {
    names.insert(list[i]);
    std::free(list[i]);
  }
  std::free(list);
  return names;
}

constexpr const char* kPluginHint =
    "install the Debian package libgvc6, which holds and registers Graphviz's plugins "
    "(to re-register them, run `libgvc6-config-update -c` as root)";

}  // namespace

struct Renderer::Impl {
  GVC_t* gvc = nullptr;
  std::set<std::string> layouts;  // layout plugins Graphviz found
  std::set<std::string> devices;  // output formats Graphviz found
};

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

namespace {

// The context outlives every Renderer (on purpose, never freed): Graphviz keeps
// process-wide caches (the text-span font cache) pointing into the memory of the context
// that filled them, so freeing one context and creating another reads freed memory
// (AddressSanitizer: heap-use-after-free in textspan_size). REQUIRES: GraphvizMutex held.
GVC_t* SharedContext() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

}  // namespace

Renderer::~Renderer() = default;

base::Result<std::unique_ptr<Renderer>> Renderer::Create() {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture capture;
  auto impl = std::make_unique<Impl>();
  impl->gvc = SharedContext();
  if (impl->gvc == nullptr) {
    return base::Status::Unsupported("cannot initialise Graphviz: " + capture.Errors());
  }
  impl->layouts = PluginNames(impl->gvc, "layout");
  impl->devices = PluginNames(impl->gvc, "device");
  return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

const std::vector<std::string>& Renderer::Engines() {
  static const std::vector<std::string> engines{"dot", "neato", "sfdp", "circo", "fdp"};
  return engines;
}

bool Renderer::LargeForDot(const proto::Graph& graph) {
  return graph.entities_size() > 100 || graph.relations_size() > 200;
}

std::string Renderer::DefaultEngine(const proto::Graph& graph) {
  return LargeForDot(graph) ? "sfdp" : "dot";
}

const std::vector<std::string>& Renderer::Formats() {
  static const std::vector<std::string> formats{"svg", "png", "pdf", "dot"};
  return formats;
}

base::Result<std::string> Renderer::FormatForPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".gv") return std::string("dot");
  if (!ext.empty()) {
    const std::string format = ext.substr(1);
    const auto& formats = Formats();
    if (std::find(formats.begin(), formats.end(), format) != formats.end()) return format;
  }
  return base::Status::InvalidArgument("cannot tell the output format from '" + path +
                                       "': use an extension .svg, .png, .pdf, .dot or .gv, "
                                       "or give the format");
}

base::Result<std::string> Renderer::Render(const proto::Graph& graph,
                                           const RenderOptions& options) {
  const auto& engines = Engines();
  if (std::find(engines.begin(), engines.end(), options.engine) == engines.end()) {
    return base::Status::InvalidArgument("unknown layout engine '" + options.engine +
                                         "' (choose one of " + JoinNames(engines) + ")");
  }
  const auto& formats = Formats();
  if (std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
    return base::Status::InvalidArgument("unknown output format '" + options.format +
                                         "' (choose one of " + JoinNames(formats) + ")");
  }
  if (!impl_->layouts.count(options.engine)) {
    return base::Status::Unsupported("Graphviz has no '" + options.engine +
                                     "' layout plugin here: " + kPluginHint);
  }
  if (!impl_->devices.count(options.format)) {
    return base::Status::Unsupported("Graphviz cannot write '" + options.format +
                                     "' here (no plugin): " + kPluginHint);
  }
  if (graph.entities_size() == 0) {
    return base::Status::InvalidArgument("nothing to render: the graph has no entities");
  }
  KG_RETURN_IF_ERROR(graph::CheckGraph(graph));
  const proto::Graph sorted = graph::SortedGraph(graph);

  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture capture;
  GraphPtr g = BuildGraph(sorted, options, nullptr);
  if (gvLayout(impl_->gvc, g.get(), options.engine.c_str()) != 0) {
    return base::Status::Unsupported("Graphviz could not lay out the graph with '" +
                                     options.engine + "': " + capture.Errors());
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(impl_->gvc, g.get(), options.format.c_str(), &data, &length);
  std::string bytes;
  if (rc == 0 && data != nullptr) bytes.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(impl_->gvc, g.get());
  if (rc != 0 || bytes.empty()) {
    return base::Status::Unsupported("Graphviz could not render " + options.format + ": " +
                                     capture.Errors());
  }
  if (options.format == "pdf") FixPdfDates(&bytes);
  return bytes;
}

base::Status Renderer::RenderToFile(const proto::Graph& graph, const RenderOptions& options,
                                    const std::string& path) {
  base::Result<std::string> bytes = Render(graph, options);
  if (!bytes.ok()) return bytes.status();
  // Write beside the target, then rename over it: readers never see half a file.
  const std::string temp = path + ".kg-tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) {
    return base::Status::IOError("cannot write '" + path + "': " + std::strerror(errno));
  }
  bool written = std::fwrite(bytes->data(), 1, bytes->size(), file) == bytes->size();
  int error = errno;
  if (std::fclose(file) != 0 && written) {
    written = false;
    error = errno;
  }
  if (!written) {
    std::remove(temp.c_str());
    return base::Status::IOError("cannot write '" + path + "': " + std::strerror(error));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    std::remove(temp.c_str());
    return base::Status::IOError("cannot write '" + path + "': " + std::strerror(e));
  }
  return base::Status::Ok();
}

namespace {
// agwrite's output channel: a std::string.
int PutToString(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}
int FlushNothing(void*) { return 0; }
}  // namespace

base::Result<std::string> Renderer::ToDot(const proto::Graph& graph, const RenderOptions& options) {
  KG_RETURN_IF_ERROR(graph::CheckGraph(graph));
  const proto::Graph sorted = graph::SortedGraph(graph);
  static Agiodisc_t io = {AgIoDisc.afread, PutToString, FlushNothing};
  static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};

  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture capture;
  GraphPtr g = BuildGraph(sorted, options, &disc);
  std::string dot;
  if (agwrite(g.get(), &dot) != 0) {
    return base::Status::Unsupported("Graphviz could not write DOT: " + capture.Errors());
  }
  return dot;
}

}  // namespace kg::viz
