namespace DubAgent.Abstractions.Media;

/// <summary>EBU R128 / ITU-R BS.1770 figures of one audio stream.</summary>
/// <param name="IntegratedLufs">Integrated (programme) loudness, LUFS; -70 for silence.</param>
/// <param name="LoudnessRangeLu">Loudness range (LRA), LU.</param>
/// <param name="TruePeakDbtp">Highest true (4x oversampled) peak over all channels, dBTP; -inf for silence.</param>
/// <param name="ThresholdLufs">The relative gate of the integrated measurement, LUFS.</param>
public sealed record LoudnessMeasurement(double IntegratedLufs, double LoudnessRangeLu, double TruePeakDbtp, double ThresholdLufs);
