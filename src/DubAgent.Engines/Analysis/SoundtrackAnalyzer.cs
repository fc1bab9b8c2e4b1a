using DubAgent.Core.Dsp;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// Speech share, music presence and background level of a (mono, 16 kHz is plenty) WAV, block by block with flat memory.
/// Speech: the shared voice-activity detector. Music: a frame holds music when the part of its spectrum that persists
/// (each bin's running median over 2.5 s) has clear peaks (a bin 4 times its ±150 Hz neighbourhood median) carrying
/// at least 10 % of the frame's energy: held notes and chords do that; room tone and hiss persist but are flat, and a
/// voice's harmonics glide too much to persist.
/// </summary>
public sealed class SoundtrackAnalyzer
{
    private const double StationarySeconds = 2.5;
    private const double PeakFactor = 4;
    private const double MusicEnergyShare = 0.10;

    public SoundtrackFigures Analyze(string wavPath, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        using var reader = new WavReader(wavPath);
        var rate = reader.Format.SampleRate;
        var layout = StftLayout.For(rate);
        var stft = new Stft(layout);
        var extractor = new SpeechFeatureExtractor(layout);
        var vad = new VoiceActivityDetector();
        var kernel = Math.Max(3, (int)Math.Round(StationarySeconds / layout.HopSeconds) | 1);
        var margin = layout.FftSize + (int)((StationarySeconds / 2 + 0.5) * rate);
        var blocks = new OverlappingBlocks(reader, rate * 30, margin, layout.Hop);

        var features = new List<SpeechFrameFeatures>();
        var music = new List<bool>();
        var done = 0;
        foreach (var block in blocks.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var magnitudes = stft.Analyze(block.Downmix()).Magnitudes();
            var stationary = MedianFilter.AlongTime(magnitudes, kernel);
            var first = block.Margin / layout.Hop;
            var last = Math.Min(magnitudes.Frames, first + (block.Length + layout.Hop - 1) / layout.Hop);
            // The detector's features use their own, shorter median (its thresholds are set for it).
            features.AddRange(extractor.Compute(magnitudes, first, last));
            for (var t = first; t < last; t++) music.Add(HoldsMusic(magnitudes.Frame(t), stationary.Frame(t), layout));
            progress?.Report(++done / (double)blocks.BlockCount);
        }

        var speech = vad.Decide(features, layout.HopSeconds);
        double speechPower = 0, otherPower = 0;
        int speechCount = 0, otherCount = 0;
        for (var t = 0; t < features.Count; t++)
        {
            var power = Math.Pow(10, features[t].EnergyDb / 10);
            if (speech[t]) { speechPower += power; speechCount++; }
            else { otherPower += power; otherCount++; }
        }
        var activity = new VoiceActivity(layout.HopSeconds, speech, reader.Duration);
        var backgroundDb = speechCount == 0 || otherCount == 0 || otherPower <= 0 ? -120
            : Math.Max(-120, 10 * Math.Log10(otherPower / otherCount / (speechPower / speechCount)));
        var musicRatio = music.Count == 0 ? 0 : (double)music.Count(m => m) / music.Count;
        return new SoundtrackFigures(reader.Duration, activity.SpeechRatio * reader.Duration, activity.SpeechRatio, musicRatio, backgroundDb);
    }

    internal static bool HoldsMusic(ReadOnlySpan<float> frame, ReadOnlySpan<float> stationary, StftLayout layout)
    {
        var from = Math.Max(1, (int)(60 / layout.BinHz));
        var to = Math.Min(stationary.Length - 1, (int)(5000 / layout.BinHz));
        var half = Math.Max(2, (int)(150 / layout.BinHz));
        double total = 0, tonal = 0;
        for (var k = 0; k < frame.Length; k++) total += (double)frame[k] * frame[k];
        if (total <= 1e-12) return false;
        Span<float> window = stackalloc float[2 * half + 1];
        for (var k = from; k <= to; k++)
        {
            var s = stationary[k];
            if (s <= 0 || s < stationary[k - 1] || s < stationary[k + 1]) continue;
            var lo = Math.Max(0, k - half);
            var hi = Math.Min(stationary.Length - 1, k + half);
            var n = hi - lo + 1;
            stationary.Slice(lo, n).CopyTo(window);
            var part = window[..n];
            part.Sort();
            if (s >= PeakFactor * part[n / 2])
            {
                // The peak's main lobe: the bin and its two neighbours.
                tonal += (double)s * s + (double)stationary[k - 1] * stationary[k - 1] + (double)stationary[k + 1] * stationary[k + 1];
            }
        }
        return tonal >= MusicEnergyShare * total;
    }
}
