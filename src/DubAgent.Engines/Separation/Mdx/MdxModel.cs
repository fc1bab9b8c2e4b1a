using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>One MDX-Net model: its catalog entry, the spectrogram it expects, and which stem its output is.</summary>
/// <param name="OutputIsVocals">True for vocal models (the output is the voice); false for instrumental models
/// (the output is the background, and the voice is the mixture minus it).</param>
public sealed record MdxModel(ModelEntry Entry, MdxLayout Layout, bool OutputIsVocals)
{
    public string Id => Entry.Id;
}
