#pragma once
// Renderer: draws a proto::Graph with Graphviz's libraries (cgraph + gvc, no `dot`
// process): node shape and colour by entity type, edges labelled with their predicate
// ("not ..." and dashed when negated), green for cooperation and red for conflict, and a
// legend of the types present. Output is byte-identical for equal graphs in any order.
// Thread-safety: Graphviz keeps process-wide state, so use the Renderer from one thread
// at a time; as a safeguard every call takes a process-wide lock (calls serialise).

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "proto/kg.pb.h"

namespace kg::viz {

struct RenderOptions {
  std::string engine = "dot";  // layout: one of Renderer::Engines()
  std::string format = "svg";  // output: one of Renderer::Formats()
  bool legend = true;          // a "Legend" cluster listing the entity types present
  std::string title;           // drawn above the graph when non-empty
};

class Renderer {
 public:
  // Opens a Graphviz context. Fails when Graphviz cannot be initialised.
  static base::Result<std::unique_ptr<Renderer>> Create();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Layout engines accepted: dot, neato, sfdp, circo, fdp. dot on graphs past
  // LargeForDot runs with bounded effort (fewer iterations, straight edges).
  static const std::vector<std::string>& Engines();
  // Whether `graph` is past the size (100 entities or 200 relations) where dot goes from
  // seconds to minutes or hours.
  static bool LargeForDot(const proto::Graph& graph);
  // The engine to use when the user names none: dot, or sfdp when LargeForDot.
  static std::string DefaultEngine(const proto::Graph& graph);
  // Output formats accepted: svg, png, pdf, dot (DOT with layout positions).
  static const std::vector<std::string>& Formats();
  // The format a path's extension names (".SVG" -> "svg", ".gv" -> "dot");
  // InvalidArgument when the extension is missing or names no format.
  static base::Result<std::string> FormatForPath(const std::string& path);

  // Lays out and renders `graph`; returns the output bytes. InvalidArgument for an
  // unknown engine or format, an empty or inconsistent graph; Unsupported when the
  // Graphviz plugin for the engine or format is not installed.
  base::Result<std::string> Render(const proto::Graph& graph, const RenderOptions& options);
  // Render, then write the bytes to `path` (replaced whole, never half-written).
  // IOError naming `path` and the reason when it cannot be written.
  base::Status RenderToFile(const proto::Graph& graph, const RenderOptions& options,
                            const std::string& path);
  // The styled graph as DOT text without layout (no positions): quick, for export.
  // InvalidArgument for an inconsistent graph; options.engine/format are ignored.
  base::Result<std::string> ToDot(const proto::Graph& graph, const RenderOptions& options);

 private:
  struct Impl;
  explicit Renderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::viz
