using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Dsp;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>What one MDX-Net separation did.</summary>
public sealed record MdxSeparation(int Windows, double Seconds, string Layout);

/// <summary>
/// Runs an MDX-Net network over a 44.1 kHz WAV window by window (<see cref="MdxWindowPlan"/>) and writes the voice:
/// each window is transformed (<see cref="MdxSpectrogram"/>), run, transformed back and scaled by the model's
/// compensation; kept parts are crossfaded and written as soon as they are final, so memory holds one window whatever
/// the file's length. The network sees a stereo pair of the dialogue channels (<see cref="DialogueLayout"/>: mono twice,
/// stereo as is, the centre of 5.1 and 7.1 twice, else the average twice) and the voice goes back to those channels only.
/// A vocal model's output is the voice; an instrumental model's is the background, and the voice is the pair minus it.
/// </summary>
public sealed class MdxWindowedSeparator(MdxNetwork network, MdxLayout layout, double overlap)
{
    private const int Pair = 2;

    public MdxSeparation Separate(string inputWav, string vocalsPath, bool outputIsVocals, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new WavReader(inputWav);
        if (reader.Format.SampleRate != MdxLayout.SampleRate)
            throw new ArgumentException($"MDX-Net needs 44.1 kHz audio, '{inputWav}' is {reader.Format.SampleRate} Hz.", nameof(inputWav));
        var channels = reader.Format.Channels;
        var dialogue = DialogueLayout.For(channels);
        var plan = MdxWindowPlan.For(layout, overlap, reader.FrameCount);
        var spectrogram = new MdxSpectrogram(layout);
        var w = layout.WindowSamples;
        var interleaved = new float[w * channels];
        float[][] pair = [new float[w], new float[w]];
        float[][] stem = [new float[w], new float[w]];
        float[][] tail = [new float[plan.Crossfade], new float[plan.Crossfade]];
        var voice = new float[Pair][];
        for (var p = 0; p < Pair; p++) voice[p] = new float[plan.Step];
        var output = new float[plan.Step * channels];
        using var writer = new WavWriter(vocalsPath, new AudioFormat(MdxLayout.SampleRate, channels, SampleEncoding.Float32));
        var compensation = (float)layout.Compensation;

        for (var k = 0; k < plan.WindowCount; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadPair(reader, plan.ReadStart(k), interleaved, dialogue, pair);
            spectrogram.Analyze(pair, network.Input);
            network.Run();
            spectrogram.Synthesize(network.Output, stem);

            // The kept part of window k, weighted; its first Crossfade samples complete the previous window's tail.
            var count = (int)Math.Min(plan.Step, plan.FileFrames - (long)k * plan.Step);
            for (var p = 0; p < Pair; p++)
            {
                for (var i = 0; i < plan.Step + plan.Crossfade; i++)
                {
                    var value = stem[p][plan.Edge + i] * compensation * plan.Weight(k, i);
                    if (i < plan.Crossfade && k > 0) value += tail[p][i];
                    if (i >= plan.Step) tail[p][i - plan.Step] = value;
                    else if (i < count) voice[p][i] = outputIsVocals ? value : pair[p][plan.Edge + i] - value;
                }
            }
            Spread(voice, count, dialogue, output);
            writer.Write(output.AsSpan(0, count * channels));
            progress?.Report(ProgressUpdate.Of(k + 1, plan.WindowCount, "separating with MDX-Net"));
        }
        writer.Commit();
        return new MdxSeparation(plan.WindowCount, reader.Duration, dialogue.Description);
    }

    /// <summary>Reads file frames [start, start + window) (zeros outside the file) as the dialogue pair.</summary>
    private static void ReadPair(WavReader reader, long start, float[] interleaved, DialogueLayout dialogue, float[][] pair)
    {
        var w = pair[0].Length;
        var channels = reader.Format.Channels;
        WavSpan.Read(reader, start, interleaved);
        var sources = dialogue.DialogueChannels;
        for (var i = 0; i < w; i++)
        {
            if (sources.Count == Pair)
            {
                pair[0][i] = interleaved[i * channels + sources[0]];
                pair[1][i] = interleaved[i * channels + sources[1]];
                continue;
            }
            var sum = 0f;
            foreach (var c in sources) sum += interleaved[i * channels + c];
            pair[0][i] = pair[1][i] = sum / sources.Count;
        }
    }

    /// <summary>The pair's voice back onto the file's channels: stereo as is, otherwise the pair's average on every dialogue channel.</summary>
    private static void Spread(float[][] voice, int count, DialogueLayout dialogue, float[] output)
    {
        var channels = dialogue.Channels;
        Array.Clear(output);
        for (var i = 0; i < count; i++)
        {
            if (dialogue.DialogueChannels.Count == Pair)
            {
                output[i * channels + dialogue.DialogueChannels[0]] = voice[0][i];
                output[i * channels + dialogue.DialogueChannels[1]] = voice[1][i];
                continue;
            }
            var mean = 0.5f * (voice[0][i] + voice[1][i]);
            foreach (var c in dialogue.DialogueChannels) output[i * channels + c] = mean;
        }
    }
}
