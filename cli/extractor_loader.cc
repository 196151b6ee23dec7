#include "cli/extractor_loader.h"

#include "base/resources.h"
#include "cli/command.h"
#include "extract/pipeline_extractor.h"

namespace kg::cli {

base::Result<std::unique_ptr<extract::Extractor>> LoadExtractor(const CliContext& ctx) {
  auto models = base::FindResourceDir(base::ResourceKind::kModels, ctx.models_dir);
  if (!models.ok()) return models.status();
  auto data = base::FindResourceDir(base::ResourceKind::kData, ctx.data_dir);
  if (!data.ok()) return data.status();
  auto pipeline = extract::PipelineExtractor::Load(*models, *data);
  if (!pipeline.ok()) return pipeline.status();
  return std::unique_ptr<extract::Extractor>(std::move(pipeline).value());
}

}  // namespace kg::cli
