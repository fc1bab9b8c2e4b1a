using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>Adds the MDX-Net models to the model store's catalog, so `dubagent models pull UVR-MDX-NET-Voc_FT` fetches and checks them.</summary>
public sealed class MdxCatalogSource : IModelCatalogSource
{
    public IEnumerable<ModelEntry> Entries => MdxModels.All.Select(m => m.Entry);
}
