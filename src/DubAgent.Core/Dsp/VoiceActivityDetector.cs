using DubAgent.Core.Media;

namespace DubAgent.Core.Dsp;

/// <summary>
/// Voice-activity detector from energy and spectral features with hangover. A frame is speech when
/// (a) it is above an absolute floor, and
/// (b) either it stands <see cref="VoiceActivityOptions.MinSnrDb"/> above the running noise floor (a low percentile
///     of the energy over several seconds) and is voiced or spectrally unflat, or its non-stationary part carries a
///     strongly harmonic pitch (a voice over music, whose steady chords the floor would otherwise hide it under).
/// Runs shorter than <see cref="VoiceActivityOptions.MinSpeechSeconds"/> are dropped, then each run is held for the
/// hangover and started a pre-roll early, so consonants and short pauses stay inside the phrase.
/// </summary>
public sealed class VoiceActivityDetector(VoiceActivityOptions? options = null)
{
    public VoiceActivityOptions Options { get; } = options ?? VoiceActivityOptions.Default;

    /// <summary>Detects speech in a mono clip held in memory.</summary>
    public VoiceActivity Detect(ReadOnlySpan<float> mono, int sampleRate)
    {
        var layout = StftLayout.For(sampleRate);
        var extractor = new SpeechFeatureExtractor(layout, Options.Pitch);
        var magnitudes = new Stft(layout).Analyze(mono).Magnitudes();
        var frames = Math.Min(magnitudes.Frames, (mono.Length + layout.Hop - 1) / layout.Hop);
        var features = extractor.Compute(magnitudes, 0, Math.Max(0, frames));
        return new VoiceActivity(layout.HopSeconds, Decide(features, layout.HopSeconds), (double)mono.Length / sampleRate);
    }

    /// <summary>Detects speech in a WAV file of any length (channels averaged), block by block with flat memory.</summary>
    public VoiceActivity DetectFile(string wavPath, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        using var reader = new WavReader(wavPath);
        var layout = StftLayout.For(reader.Format.SampleRate);
        var extractor = new SpeechFeatureExtractor(layout, Options.Pitch);
        var stft = new Stft(layout);
        var blocks = new OverlappingBlocks(reader, reader.Format.SampleRate * 30, layout.FftSize + reader.Format.SampleRate, layout.Hop);
        var features = new List<SpeechFrameFeatures>();
        var done = 0;
        foreach (var block in blocks.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var magnitudes = stft.Analyze(block.Downmix()).Magnitudes();
            var first = block.Margin / layout.Hop;
            var owned = (block.Length + layout.Hop - 1) / layout.Hop;
            features.AddRange(extractor.Compute(magnitudes, first, Math.Min(magnitudes.Frames, first + owned)));
            progress?.Report(++done / (double)blocks.BlockCount);
        }
        return new VoiceActivity(layout.HopSeconds, Decide(features.ToArray(), layout.HopSeconds), reader.Duration);
    }

    /// <summary>The decision rule (see the class summary) over a whole sequence of frame features.</summary>
    public bool[] Decide(IReadOnlyList<SpeechFrameFeatures> features, double hopSeconds)
    {
        var n = features.Count;
        var energy = new float[n];
        for (var i = 0; i < n; i++) energy[i] = features[i].EnergyDb;
        var floor = new float[n];
        RunningPercentile.Apply(energy, floor, SpeechFeatureExtractor.OddAtLeast3((int)(Options.NoiseWindowSeconds / hopSeconds)),
            Options.NoisePercentile);

        var raw = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var f = features[i];
            if (f.EnergyDb < Options.AbsoluteFloorDb) continue;
            var aboveFloor = f.EnergyDb - floor[i] >= Options.MinSnrDb;
            var speechLike = f.Pitch.Voiced || f.Flatness <= Options.MaxFlatness;
            raw[i] = (aboveFloor && speechLike) || f.Pitch.Salience >= Options.StrongVoicingSalience;
        }

        var minRun = (int)Math.Ceiling(Options.MinSpeechSeconds / hopSeconds);
        var hang = (int)Math.Round(Options.HangoverSeconds / hopSeconds);
        var pre = (int)Math.Round(Options.PreRollSeconds / hopSeconds);
        var result = new bool[n];
        var start = -1;
        for (var i = 0; i <= n; i++)
        {
            var on = i < n && raw[i];
            if (on && start < 0) start = i;
            else if (!on && start >= 0)
            {
                if (i - start >= minRun)
                    for (var j = Math.Max(0, start - pre); j < Math.Min(n, i + hang); j++) result[j] = true;
                start = -1;
            }
        }
        return result;
    }
}
