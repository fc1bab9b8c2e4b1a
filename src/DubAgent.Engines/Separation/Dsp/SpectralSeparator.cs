using System.Runtime;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Separation.Dsp;

/// <summary>
/// Splits a WAV into vocals and background (and optionally the background into music and sfx) block by block:
/// each block of <see cref="DspSeparationSettings.BlockSeconds"/> is transformed with margins on both sides, masked
/// (<see cref="VocalMaskEstimator"/>) and transformed back, and only its centre is written, so memory stays flat
/// whatever the length and blocks join without seams. Vocals are the masked mixture; background is the mixture minus
/// the vocals, sample for sample, so the two always add up to the source. Music is the background's harmonic part
/// (a short median along time against a median along frequency); sfx is the background minus the music.
/// Output keeps the source's sample rate and channels.
/// </summary>
public sealed class SpectralSeparator(DspSeparationSettings? settings = null)
{
    private readonly DspSeparationSettings _settings = settings ?? DspSeparationSettings.Default;

    public SpectralSeparation Separate(string inputWav, string outputDirectory, bool splitBackground,
        IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        using var reader = new WavReader(inputWav);
        var format = reader.Format;
        var layout = StftLayout.For(format.SampleRate);
        var dialogue = DialogueLayout.For(format.Channels);
        var stft = new Stft(layout);
        var estimator = new VocalMaskEstimator(layout, _settings);
        // Margins cover half the stationary median plus the hangover, so kept frames see exactly what one pass over the file would.
        var margin = layout.FftSize + (int)((_settings.StationarySeconds / 2 + 0.5) * format.SampleRate);
        var blocks = new OverlappingBlocks(reader, (int)(_settings.BlockSeconds * format.SampleRate), margin, layout.Hop);

        Directory.CreateDirectory(outputDirectory);
        var outputFormat = new AudioFormat(format.SampleRate, format.Channels, SampleEncoding.Pcm16);
        var names = splitBackground
            ? new[] { StemNames.Vocals, StemNames.Background, StemNames.Music, StemNames.Sfx }
            : new[] { StemNames.Vocals, StemNames.Background };
        var paths = names.ToDictionary(n => n, n => Path.Combine(outputDirectory, n + ".wav"));
        var writers = names.ToDictionary(n => n, n => new WavWriter(paths[n], outputFormat));
        try
        {
            long speechFrames = 0, voicedFrames = 0;
            var done = 0;
            foreach (var block in blocks.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (speech, voiced) = SeparateBlock(block, layout, stft, estimator, dialogue, splitBackground, writers);
                speechFrames += speech;
                voicedFrames += voiced;
                // Each block allocates a few hundred MB of large arrays; collecting them here (a few ms against a block's
                // seconds of work) keeps the process at one block's size instead of letting the heap grow over a film.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                progress?.Report(ProgressUpdate.Of(++done, blocks.BlockCount, "separating"));
            }
            foreach (var writer in writers.Values) writer.Commit();
            return new SpectralSeparation(paths, reader.Duration, speechFrames * layout.HopSeconds, voicedFrames * layout.HopSeconds,
                dialogue.Description);
        }
        finally
        {
            foreach (var writer in writers.Values) writer.Dispose();
        }
    }

    private (int Speech, int Voiced) SeparateBlock(AudioBlock block, StftLayout layout, Stft stft, VocalMaskEstimator estimator,
        DialogueLayout dialogue, bool splitBackground, Dictionary<string, WavWriter> writers)
    {
        var channels = block.Channels;
        var signals = Enumerable.Range(0, channels).Select(block.Channel).ToArray();
        var spectra = new StftFrames?[channels];
        foreach (var c in dialogue.DialogueChannels) spectra[c] = stft.Analyze(signals[c]);
        var frameCount = spectra[dialogue.DialogueChannels[0]]!.Frames;

        // The mask comes from the average of the dialogue channels (mid in stereo) and, in stereo, their difference.
        var mid = new StftFrames(layout, frameCount);
        foreach (var c in dialogue.DialogueChannels) mid.Add(spectra[c]!, 1f / dialogue.DialogueChannels.Count);
        Spectrogram? side = null;
        if (dialogue.UseSide)
        {
            var difference = new StftFrames(layout, frameCount);
            difference.Add(spectra[0]!, 0.5f);
            difference.Add(spectra[1]!, -0.5f);
            side = difference.Magnitudes();
        }
        var midMagnitudes = mid.Magnitudes();
        var mask = estimator.Estimate(midMagnitudes, side);

        var total = block.TotalFrames;
        var vocals = new float[channels][];
        var background = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            vocals[c] = new float[total];
            if (dialogue.IsDialogue(c)) stft.Synthesize(spectra[c]!.Masked(mask), vocals[c], consume: true);
            background[c] = new float[total];
            for (var i = 0; i < total; i++) background[c][i] = signals[c][i] - vocals[c][i];
        }
        Write(writers[StemNames.Vocals], vocals, block);
        Write(writers[StemNames.Background], background, block);

        if (splitBackground)
        {
            var music = SplitMusic(background, stft, layout);
            var sfx = new float[channels][];
            for (var c = 0; c < channels; c++)
            {
                sfx[c] = new float[total];
                for (var i = 0; i < total; i++) sfx[c][i] = background[c][i] - music[c][i];
            }
            Write(writers[StemNames.Music], music, block);
            Write(writers[StemNames.Sfx], sfx, block);
        }
        var counts = estimator.LastCounts;
        var owned = Math.Min(counts.Frames, (block.Length + layout.Hop - 1) / layout.Hop);
        return ((int)((long)counts.Speech * owned / Math.Max(1, counts.Frames)), (int)((long)counts.Voiced * owned / Math.Max(1, counts.Frames)));
    }

    /// <summary>
    /// Harmonic/percussive split of the background by median filtering (Fitzgerald 2010): a median along time over about
    /// 0.2 s keeps what is tonal (music), a median along frequency over about 400 Hz keeps what is broadband (effects).
    /// </summary>
    private static float[][] SplitMusic(float[][] background, Stft stft, StftLayout layout)
    {
        var spectra = background.Select(b => stft.Analyze(b)).ToArray();
        var average = new StftFrames(layout, spectra[0].Frames);
        foreach (var s in spectra) average.Add(s, 1f / spectra.Length);
        var magnitudes = average.Magnitudes();
        var harmonic = MedianFilter.AlongTime(magnitudes, Math.Max(3, (int)Math.Round(0.2 / layout.HopSeconds) | 1));
        var percussive = MedianFilter.AlongFrequency(magnitudes, Math.Max(3, (int)Math.Round(400 / layout.BinHz) | 1));
        var mask = new Spectrogram(magnitudes.Frames, magnitudes.Bins);
        for (var i = 0; i < mask.Data.Length; i++)
        {
            var h = harmonic.Data[i] * harmonic.Data[i];
            var p = percussive.Data[i] * percussive.Data[i];
            mask.Data[i] = h + p > 1e-20f ? h / (h + p) : 0.5f;
        }
        return spectra.Select(s =>
        {
            var music = new float[background[0].Length];
            stft.Synthesize(s.Masked(mask), music, consume: true);
            return music;
        }).ToArray();
    }

    private static void Write(WavWriter writer, float[][] channels, AudioBlock block)
    {
        var count = channels.Length;
        var interleaved = new float[block.Length * count];
        for (var i = 0; i < block.Length; i++)
        for (var c = 0; c < count; c++)
            interleaved[i * count + c] = channels[c][block.Margin + i];
        writer.Write(interleaved);
    }
}
