using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Separation.Demucs;

/// <summary>Settings of the `demucs` separator, section "Demucs" (DUBAGENT_DEMUCS__MODEL); a call's options override them.</summary>
public sealed class DemucsOptions
{
    public const string Section = "Demucs";

    /// <summary>The demucs command; when it is not on PATH, <see cref="Python"/> -m demucs.</summary>
    [Required]
    public string Program { get; set; } = "demucs";

    [Required]
    public string Python { get; set; } = "python3";

    [Required]
    public string Model { get; set; } = DemucsCommand.DefaultModel;

    /// <summary>cpu or cuda; unset, demucs chooses.</summary>
    public string? Device { get; set; }

    /// <summary>Random shifts averaged (--shifts): better quality, that many times slower.</summary>
    [Range(0, int.MaxValue)]
    public int? Shifts { get; set; }

    /// <summary>Seconds per piece (--segment): less memory.</summary>
    [Range(1, int.MaxValue)]
    public int? Segment { get; set; }

    /// <summary>How long one separation may take; unset, no limit.</summary>
    [Range(1, int.MaxValue)]
    public int? TimeoutMinutes { get; set; }

    public static DemucsOptions From(IConfiguration configuration) => configuration.GetOptions<DemucsOptions>(Section);
}
