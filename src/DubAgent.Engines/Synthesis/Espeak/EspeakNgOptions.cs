using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>Settings of the `espeak-ng` synthesizer, section "EspeakNg" (DUBAGENT_ESPEAKNG__PROGRAM).</summary>
public sealed class EspeakNgOptions
{
    public const string Section = "EspeakNg";

    [Required]
    public string Program { get; set; } = "espeak-ng";

    public static EspeakNgOptions From(IConfiguration configuration) => configuration.GetOptions<EspeakNgOptions>(Section);
}
