namespace DubAgent.Abstractions.Models;

/// <summary>
/// Adds models to the store's catalog: each capability (and each plugin) declares the models its engines need beside
/// its own code, registered in DI; the store serves the shipped catalog plus every source's entries.
/// </summary>
public interface IModelCatalogSource
{
    IEnumerable<ModelEntry> Entries { get; }
}
