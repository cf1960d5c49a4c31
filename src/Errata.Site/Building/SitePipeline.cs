using Errata.Documents;
using Errata.Documents.Rst;

namespace Errata.Site.Building;

/// <summary>The document pipeline a site is read with: every reader and extension the site knows.</summary>
public static class SitePipeline
{
    public static DocumentPipeline Create() => new DocumentPipelineBuilder().UseRst().Build();
}
