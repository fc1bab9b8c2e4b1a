using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Separation.Uvr;

/// <summary>Settings of the `uvr` separator (audio-separator), section "Uvr" (DUBAGENT_UVR__MODEL); a call's model overrides it.</summary>
public sealed class UvrOptions
{
    public const string Section = "Uvr";

    [Required]
    public string Program { get; set; } = "audio-separator";

    /// <summary>The MDX-Net model file audio-separator loads (downloaded on first use).</summary>
    [Required]
    public string Model { get; set; } = AudioSeparatorCommand.DefaultModel;

    /// <summary>Where audio-separator keeps its models; unset, its own default.</summary>
    public string? ModelDirectory { get; set; }

    public static UvrOptions From(IConfiguration configuration) => configuration.GetOptions<UvrOptions>(Section);
}
