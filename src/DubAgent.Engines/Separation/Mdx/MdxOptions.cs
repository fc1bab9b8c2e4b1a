using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>Settings of the `mdx` separator, section "Mdx" (DUBAGENT_MDX__MODEL); a call's model overrides Model.</summary>
public sealed class MdxOptions
{
    public const string Section = "Mdx";

    /// <summary>The model store id of the MDX-Net model (UVR-MDX-NET-Voc_FT, Kim_Vocal_2, UVR-MDX-NET-Inst_HQ_3).</summary>
    [Required]
    public string Model { get; set; } = MdxModels.DefaultId;

    /// <summary>ONNX Runtime threads; 0 uses every core this process may use.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>Share of a network window (about 6 s) crossfaded with the next one, as UVR's overlap (0.25 by default).</summary>
    [Range(0.0, 0.75)]
    public double Overlap { get; set; } = 0.25;

    public static MdxOptions From(IConfiguration configuration) => configuration.GetOptions<MdxOptions>(Section);

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
