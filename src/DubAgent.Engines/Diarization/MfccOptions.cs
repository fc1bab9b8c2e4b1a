using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>Settings of the built-in `mfcc` diarizer, section "Mfcc" (DUBAGENT_MFCC__STOPDISTANCE).</summary>
public sealed class MfccOptions
{
    public const string Section = "Mfcc";

    /// <summary>
    /// The clustering threshold, a BIC distance: voices closer than this are one speaker; lower finds more speakers.
    /// 2 lies between the farthest split of one voice (1.9) and the closest pair of two (2.1) measured on recordings.
    /// </summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double StopDistance { get; set; } = 2;

    /// <summary>A speaker holding less of the speech than this share (and under 15 s) is a cough, a laugh or a backchannel: it is absorbed.</summary>
    [Range(0.0, 1.0)]
    public double MinClusterShare { get; set; } = 0.1;

    /// <summary>BIC distance between the 2 s before and after a point that makes it a speaker change inside a speech region.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double ChangeThreshold { get; set; } = 1;

    /// <summary>Log-likelihood a speaker change inside continuous speech costs in re-segmentation; higher keeps turns longer.</summary>
    [Range(0.0, double.MaxValue)]
    public double SwitchPenalty { get; set; } = 20;

    /// <summary>
    /// Overlap marking: near a turn change inside continuous speech, a block the other speaker explains within this many
    /// nats per frame of its own speaker is taken as both talking at once; 0 turns overlap marking off. 1 is the cautious
    /// choice: on pyannote_sample, the only real recording with overlap here, 2 recovers more with Silero regions but adds
    /// false overlap with the energy detector's; 1 helps the first and leaves the second as it was. Nothing marked on clean turn-taking.
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double OverlapMargin { get; set; } = 1;

    public static MfccOptions From(IConfiguration configuration) => configuration.GetOptions<MfccOptions>(Section);
}
