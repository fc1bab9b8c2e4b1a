using DubAgent.Core.Dsp;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// Speech share, music presence, pause level, loud events and speech turns of a (mono, 16 kHz is plenty) WAV, block by
/// block with flat memory (only one power figure per frame is kept). Speech: the speech detector's answer, given.
/// Music: a frame holds music when the part of its spectrum that persists (each bin's running median over 2.5 s) has
/// clear peaks (a bin 4 times its ±150 Hz neighbourhood median) carrying at least 10 % of the frame's energy: held notes
/// and chords do that; room tone and hiss persist but are flat, a voice's harmonics glide too much to persist, and a
/// tone that never stops for a whole block of 15 s or more (mains hum and its harmonics, a whine) is left out.
/// Pauses: frames at least a quarter second from any speech, so a detector's late edges do not count as background;
/// what they hold above the file's steady floor (the 10th percentile of all frames: hum, hiss, room tone, which a
/// separator need not keep) in 100 Hz–4 kHz, as a mean against the speech frames' power, and how often it comes within
/// 6 dB of the speech's median.
/// </summary>
public sealed class SoundtrackAnalyzer
{
    private const double StationarySeconds = 2.5;
    private const double PeakFactor = 4;
    private const double MusicEnergyShare = 0.10;
    private const double SteadyShare = 0.9;
    private const double SteadyBlockSeconds = 15;
    private const double PauseGuardSeconds = 0.25;
    private const double LoudEventDb = -6;
    private const double FloorPercentile = 0.10;

    public SoundtrackFigures Analyze(string wavPath, VoiceActivity speech, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        using var reader = new WavReader(wavPath);
        var rate = reader.Format.SampleRate;
        var layout = StftLayout.For(rate);
        var stft = new Stft(layout);
        var kernel = Math.Max(3, (int)Math.Round(StationarySeconds / layout.HopSeconds) | 1);
        var margin = layout.FftSize + (int)((StationarySeconds / 2 + 0.5) * rate);
        var blocks = new OverlappingBlocks(reader, rate * 30, margin, layout.Hop);
        var nearSpeech = Dilate(speech, PauseGuardSeconds);

        var speechPowers = new List<float>();
        var pausePowers = new List<float>();
        var allPowers = new List<float>();
        int musicCount = 0, frameCount = 0;
        bool[]? steady = null;
        var done = 0;
        foreach (var block in blocks.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var magnitudes = stft.Analyze(block.Downmix()).Magnitudes();
            var stationary = MedianFilter.AlongTime(magnitudes, kernel);
            var first = block.Margin / layout.Hop;
            var last = Math.Min(magnitudes.Frames, first + (block.Length + layout.Hop - 1) / layout.Hop);
            // A short block (the file's end) keeps the steady tones found over the last full one.
            if (block.Length >= SteadyBlockSeconds * rate) steady = SteadyTones(stationary, first, last, layout);
            for (var t = first; t < last; t++)
            {
                var frame = magnitudes.Frame(t);
                if (HoldsMusic(frame, stationary.Frame(t), layout, steady)) musicCount++;
                var power = BandPower(frame, layout);
                allPowers.Add((float)power);
                // The frame's middle, in the file's time (frames of a block start at its margin).
                var seconds = (block.Start + (t - first) * layout.Hop + layout.FftSize / 2.0) / rate;
                if (speech.IsSpeech(seconds)) speechPowers.Add((float)power);
                else if (!IsNear(nearSpeech, speech.HopSeconds, seconds)) pausePowers.Add((float)power);
                frameCount++;
            }
            progress?.Report(++done / (double)blocks.BlockCount);
        }

        allPowers.Sort();
        var floor = allPowers.Count == 0 ? 0 : allPowers[(int)(FloorPercentile * (allPowers.Count - 1))];
        for (var i = 0; i < pausePowers.Count; i++) pausePowers[i] = Math.Max(0, pausePowers[i] - floor);
        var speechMean = speechPowers.Count == 0 ? 0 : speechPowers.Average(p => (double)p);
        var pauseMean = pausePowers.Count == 0 ? 0 : pausePowers.Average(p => (double)p);
        var backgroundDb = speechMean <= 0 || pauseMean <= 0 ? -120 : Math.Max(-120, 10 * Math.Log10(pauseMean / speechMean));
        var loudEvents = 0.0;
        if (speechPowers.Count > 0 && pausePowers.Count > 0)
        {
            speechPowers.Sort();
            var loud = speechPowers[speechPowers.Count / 2] * Math.Pow(10, LoudEventDb / 10);
            loudEvents = pausePowers.Count(p => p > 0 && p >= loud) / (double)pausePowers.Count;
        }
        var musicRatio = frameCount == 0 ? 0 : (double)musicCount / frameCount;
        return new SoundtrackFigures(reader.Duration, speech.SpeechRatio * reader.Duration, speech.SpeechRatio, musicRatio, backgroundDb,
            loudEvents, SpeechTurns.Of(speech));
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

    internal static bool HoldsMusic(ReadOnlySpan<float> frame, ReadOnlySpan<float> stationary, StftLayout layout, bool[]? steady = null)
    {
        var (from, to) = PeakRange(stationary.Length, layout);
        double total = 0, tonal = 0;
        for (var k = 0; k < frame.Length; k++) total += (double)frame[k] * frame[k];
        if (total <= 1e-12) return false;
        for (var k = from; k <= to; k++)
        {
            if (steady is not null && steady[k] || !IsPeak(stationary, k, layout)) continue;
            // The peak's main lobe: the bin and its two neighbours.
            tonal += (double)stationary[k] * stationary[k] + (double)stationary[k - 1] * stationary[k - 1] + (double)stationary[k + 1] * stationary[k + 1];
        }
        return tonal >= MusicEnergyShare * total;
    }

    /// <summary>Bins (and their neighbours) that are a persistent peak in nearly every frame of the block: steady tones, not notes.</summary>
    internal static bool[] SteadyTones(Spectrogram stationary, int first, int last, StftLayout layout)
    {
        var (from, to) = PeakRange(stationary.Bins, layout);
        var counts = new int[stationary.Bins];
        for (var t = first; t < last; t++)
        {
            var frame = stationary.Frame(t);
            for (var k = from; k <= to; k++)
                if (IsPeak(frame, k, layout)) counts[k]++;
        }
        var steady = new bool[stationary.Bins];
        var frames = Math.Max(1, last - first);
        for (var k = from; k <= to; k++)
        {
            if (counts[k] < SteadyShare * frames) continue;
            steady[k - 1] = steady[k] = steady[k + 1] = true;
        }
        return steady;
    }

    private static (int From, int To) PeakRange(int bins, StftLayout layout) =>
        (Math.Max(1, (int)(60 / layout.BinHz)), Math.Min(bins - 2, (int)(5000 / layout.BinHz)));

    /// <summary>A local maximum at least <see cref="PeakFactor"/> times the median of its ±150 Hz neighbourhood.</summary>
    private static bool IsPeak(ReadOnlySpan<float> stationary, int k, StftLayout layout)
    {
        var s = stationary[k];
        if (s <= 0 || s < stationary[k - 1] || s < stationary[k + 1]) return false;
        var half = Math.Max(2, (int)(150 / layout.BinHz));
        var lo = Math.Max(0, k - half);
        var hi = Math.Min(stationary.Length - 1, k + half);
        var n = hi - lo + 1;
        Span<float> window = stackalloc float[2 * half + 1];
        stationary.Slice(lo, n).CopyTo(window);
        var part = window[..n];
        part.Sort();
        return s >= PeakFactor * part[n / 2];
    }

    /// <summary>Speech frames widened by <paramref name="guardSeconds"/> on both sides.</summary>
    private static bool[] Dilate(VoiceActivity speech, double guardSeconds)
    {
        var frames = speech.Frames;
        var reach = (int)Math.Ceiling(guardSeconds / speech.HopSeconds);
        var result = new bool[frames.Count];
        var lastSpeech = -reach - 1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i]) lastSpeech = i;
            if (i - lastSpeech <= reach) result[i] = true;
        }
        lastSpeech = frames.Count + reach + 1;
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i]) lastSpeech = i;
            if (lastSpeech - i <= reach) result[i] = true;
        }
        return result;
    }

    private static bool IsNear(bool[] near, double hop, double seconds)
    {
        var i = (int)(seconds / hop);
        return i >= 0 && i < near.Length && near[i];
    }
}
