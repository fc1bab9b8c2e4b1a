using System.Runtime;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Dsp;

namespace DubAgent.Engines.Separation.Residue;

/// <summary>What the remover did: seconds where it took at least 1 dB off the background, and the mean energy taken off there (dB).</summary>
public sealed record VoiceResidueRemoval(double Seconds, double CutSeconds, double MeanCutDb);

/// <summary>
/// Takes what a separation left of the original voice out of the background stem, using the separated voice itself:
/// wherever and whenever the voice had energy in a third-octave band, the background's same band is turned down by a
/// Wiener-style gain (<see cref="VoiceResidueSettings"/>), so the remains of the speech under a dub fall well below
/// the music around them while bands and moments without voice keep the background untouched (no pumping). Only the
/// dialogue channels are touched (<see cref="DialogueLayout"/>). Works block by block with margins, like the dsp
/// separator: memory stays flat and blocks join without seams.
/// </summary>
public sealed class VoiceResidueRemover(VoiceResidueSettings? settings = null)
{
    private const double BlockSeconds = 20;
    private readonly VoiceResidueSettings _settings = settings ?? VoiceResidueSettings.Default;

    /// <param name="speech">Where the original speaker talks; null takes the vocals stem's energy everywhere as voice.</param>
    public VoiceResidueRemoval Remove(string backgroundWav, string vocalsWav, string outputPath, SampleEncoding encoding,
        CancellationToken cancellationToken, SpeechSpans? speech = null)
    {
        using var background = new WavReader(backgroundWav);
        using var vocals = new WavReader(vocalsWav);
        var format = background.Format;
        if (vocals.Format.SampleRate != format.SampleRate || vocals.Format.Channels != format.Channels)
            throw new ArgumentException($"The vocals '{vocalsWav}' ({vocals.Format.SampleRate} Hz, {vocals.Format.Channels} ch) do not match the background '{backgroundWav}' ({format.SampleRate} Hz, {format.Channels} ch).");
        var layout = StftLayout.For(format.SampleRate);
        var stft = new Stft(layout);
        var bands = new ResidueBands(layout, _settings.LowestBandHz);
        var dialogue = DialogueLayout.For(format.Channels);
        var support = VoiceEnvelope.SupportFrames(_settings.HoldSeconds, layout.HopSeconds)
                      + VoiceEnvelope.SupportFrames(_settings.LeadSeconds, layout.HopSeconds) + 2;
        var blocks = new OverlappingBlocks(background, (int)(BlockSeconds * format.SampleRate), layout.FftSize + support * layout.Hop, layout.Hop);

        using var writer = new WavWriter(outputPath, format with { Encoding = encoding });
        long cutFrames = 0;
        double cutSum = 0;
        foreach (var block in blocks.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var voice = ReadLike(vocals, block);
            var (cut, sum) = CleanBlock(block, voice, stft, layout, bands, dialogue, speech, writer);
            cutFrames += cut;
            cutSum += sum;
            // A block holds a few hundred MB of spectra: collect them now so a film stays at one block's size.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        writer.Commit();
        var cutSeconds = cutFrames * layout.HopSeconds;
        return new VoiceResidueRemoval(background.Duration, cutSeconds, cutFrames == 0 ? 0 : cutSum / cutFrames);
    }

    private (long CutFrames, double CutDbSum) CleanBlock(AudioBlock block, AudioBlock voice, Stft stft, StftLayout layout,
        ResidueBands bands, DialogueLayout dialogue, SpeechSpans? speech, WavWriter writer)
    {
        var channels = block.Channels;
        var signals = Enumerable.Range(0, channels).Select(block.Channel).ToArray();
        var spectra = new StftFrames?[channels];
        Spectrogram? backgroundPower = null, voicePower = null;
        foreach (var c in dialogue.DialogueChannels)
        {
            spectra[c] = stft.Analyze(signals[c]);
            Accumulate(ref backgroundPower, spectra[c]!, dialogue.DialogueChannels.Count);
            Accumulate(ref voicePower, stft.Analyze(voice.Channel(c)), dialogue.DialogueChannels.Count);
        }
        var b = bands.Energies(backgroundPower!);
        var voiceEnergies = bands.Energies(voicePower!);
        if (speech is not null) KeepSpeechFrames(voiceEnergies, bands.Count, speech, block, layout);
        var v = VoiceEnvelope.Hold(voiceEnergies, bands.Count, layout.HopSeconds, _settings.HoldSeconds, _settings.LeadSeconds);

        var frames = backgroundPower!.Frames;
        var mask = new Spectrogram(frames, layout.Bins);
        var bandGain = new float[bands.Count];
        var floor = _settings.Floor;
        var strength = (float)_settings.Strength;
        var first = block.Margin / layout.Hop;
        var owned = (block.Length + layout.Hop - 1) / layout.Hop;
        long cutFrames = 0;
        double cutSum = 0;
        for (var t = 0; t < frames; t++)
        {
            double before = 0, after = 0;
            for (var j = 0; j < bands.Count; j++)
            {
                var bj = b[t * bands.Count + j];
                var vj = strength * v[t * bands.Count + j];
                bandGain[j] = bj + vj > 0 ? Math.Max(floor, bj / (bj + vj)) : 1f;
                before += bj;
                after += bj * bandGain[j] * bandGain[j];
            }
            var row = mask.Frame(t);
            for (var k = 0; k < row.Length; k++) row[k] = bandGain[bands.BandOf(k)];
            // For the record: the frame's background energy taken off, counted where it is at least 1 dB.
            var cutDb = before > 0 ? 10 * Math.Log10(before / Math.Max(after, before * 1e-12)) : 0;
            if (t >= first && t < first + owned && cutDb >= 1)
            {
                cutFrames++;
                cutSum += cutDb;
            }
        }

        var output = new float[block.Length * channels];
        var cleaned = new float[block.TotalFrames];
        for (var c = 0; c < channels; c++)
        {
            var source = signals[c];
            if (spectra[c] is { } spectrum)
            {
                stft.Synthesize(spectrum.Masked(mask), cleaned, consume: true);
                source = cleaned;
            }
            for (var i = 0; i < block.Length; i++) output[i * channels + c] = source[block.Margin + i];
        }
        writer.Write(output);
        return (cutFrames, cutSum);
    }

    /// <summary>Zeroes the voice energy of frames (taken at their centre) outside the speech spans.</summary>
    private static void KeepSpeechFrames(float[] energies, int bandCount, SpeechSpans speech, AudioBlock block, StftLayout layout)
    {
        var frames = energies.Length / bandCount;
        for (var t = 0; t < frames; t++)
        {
            var centre = (block.Start - block.Margin + (long)t * layout.Hop + layout.FftSize / 2) / (double)layout.SampleRate;
            if (!speech.Covers(centre)) Array.Clear(energies, t * bandCount, bandCount);
        }
    }

    private static void Accumulate(ref Spectrogram? total, StftFrames spectrum, int count)
    {
        var magnitudes = spectrum.Magnitudes();
        total ??= new Spectrogram(magnitudes.Frames, magnitudes.Bins);
        for (var i = 0; i < magnitudes.Data.Length; i++) total.Data[i] += magnitudes.Data[i] * magnitudes.Data[i] / count;
    }

    /// <summary>The same span of the vocals as <paramref name="block"/> covers of the background (zeros past the vocals' end).</summary>
    private static AudioBlock ReadLike(WavReader reader, AudioBlock block)
    {
        var channels = reader.Format.Channels;
        var buffer = new float[block.TotalFrames * channels];
        WavSpan.Read(reader, block.Start - block.Margin, buffer);
        return new AudioBlock(block.Start, block.Length, block.Margin, channels, buffer);
    }
}
