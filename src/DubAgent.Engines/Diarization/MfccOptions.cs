using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>Settings of the built-in `mfcc` diarizer, section "Mfcc" (DUBAGENT_MFCC__STOPDISTANCE).</summary>
public sealed class MfccOptions
{
    public const string Section = "Mfcc";

    /// <summary>The clustering threshold: voices closer than this are one speaker; lower finds more speakers.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double StopDistance { get; set; } = 1.1;

    /// <summary>A cluster holding less of the speech than this share is a cough or a laugh, not a speaker: it is absorbed.</summary>
    [Range(0.0, 1.0)]
    public double MinClusterShare { get; set; } = 0.1;

    public static MfccOptions From(IConfiguration configuration) => configuration.GetOptions<MfccOptions>(Section);
}
