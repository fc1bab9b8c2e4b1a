using DubAgent.Core.Dsp;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// Speech share, music presence and background level of a (mono, 16 kHz is plenty) WAV, block by block with flat memory.
/// Speech: the speech detector's answer, given. Music: a frame holds music when the part of its spectrum that persists
/// (each bin's running median over 2.5 s) has clear peaks (a bin 4 times its ±150 Hz neighbourhood median) carrying
/// at least 10 % of the frame's energy: held notes and chords do that; room tone and hiss persist but are flat, and a
/// voice's harmonics glide too much to persist. Background: the mean 100 Hz–4 kHz power of the frames without speech
/// against that of the frames with speech.
/// </summary>
public sealed class SoundtrackAnalyzer
{
    private const double StationarySeconds = 2.5;
    private const double PeakFactor = 4;
    private const double MusicEnergyShare = 0.10;

    public SoundtrackFigures Analyze(string wavPath, VoiceActivity speech, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        using var reader = new WavReader(wavPath);
        var rate = reader.Format.SampleRate;
        var layout = StftLayout.For(rate);
        var stft = new Stft(layout);
        var kernel = Math.Max(3, (int)Math.Round(StationarySeconds / layout.HopSeconds) | 1);
        var margin = layout.FftSize + (int)((StationarySeconds / 2 + 0.5) * rate);
        var blocks = new OverlappingBlocks(reader, rate * 30, margin, layout.Hop);

        double speechPower = 0, otherPower = 0;
        int speechCount = 0, otherCount = 0, musicCount = 0, frameCount = 0;
        var done = 0;
        foreach (var block in blocks.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var magnitudes = stft.Analyze(block.Downmix()).Magnitudes();
            var stationary = MedianFilter.AlongTime(magnitudes, kernel);
            var first = block.Margin / layout.Hop;
            var last = Math.Min(magnitudes.Frames, first + (block.Length + layout.Hop - 1) / layout.Hop);
            for (var t = first; t < last; t++)
            {
                var frame = magnitudes.Frame(t);
                if (HoldsMusic(frame, stationary.Frame(t), layout)) musicCount++;
                var power = BandPower(frame, layout);
                // The frame's middle, in the file's time (frames of a block start at its margin).
                var seconds = (block.Start + (t - first) * layout.Hop + layout.FftSize / 2.0) / rate;
                if (speech.IsSpeech(seconds)) { speechPower += power; speechCount++; }
                else { otherPower += power; otherCount++; }
                frameCount++;
            }
            progress?.Report(++done / (double)blocks.BlockCount);
        }

        var backgroundDb = speechCount == 0 || otherCount == 0 || otherPower <= 0 || speechPower <= 0 ? -120
            : Math.Max(-120, 10 * Math.Log10(otherPower / otherCount / (speechPower / speechCount)));
        var musicRatio = frameCount == 0 ? 0 : (double)musicCount / frameCount;
        return new SoundtrackFigures(reader.Duration, speech.SpeechRatio * reader.Duration, speech.SpeechRatio, musicRatio, backgroundDb);
    }

    /// <summary>Power between 100 Hz and 4 kHz, where speech carries its energy (hum and hiss left out).</summary>
    private static double BandPower(ReadOnlySpan<float> frame, StftLayout layout)
    {
        var from = Math.Max(1, (int)(100 / layout.BinHz));
        var to = Math.Min(frame.Length - 1, (int)(4000 / layout.BinHz));
        double power = 0;
        for (var k = from; k <= to; k++) power += (double)frame[k] * frame[k];
        return power;
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
