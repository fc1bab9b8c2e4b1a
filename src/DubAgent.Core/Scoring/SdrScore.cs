namespace DubAgent.Core.Scoring;

/// <summary>BSS-eval figures of one estimated source, dB (higher is better).</summary>
/// <param name="Sdr">Source to distortion: target (allowing a 512-tap filter of the reference) over everything else.</param>
/// <param name="Sir">Source to interference: target over what the other references explain.</param>
/// <param name="Sar">Source to artifacts: all references' share over what none of them explains.</param>
public sealed record SdrScore(double Sdr, double Sir, double Sar);
