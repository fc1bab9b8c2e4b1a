using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Cuts each speaker's reference clip from the original speech into `references/SPEAKER_xx.wav` of the step folder
/// (16 kHz mono: the chosen lines in time order, 0.2 s apart) and embeds it.
/// </summary>
public sealed class SpeakerReferences(IMediaToolkit media, SpeakerVoiceprinter printer)
{
    public const string Folder = "references";
    private const int Rate = KaldiFbank.SampleRate;

    public async Task<IReadOnlyList<SpeakerReference>> CutAsync(string audio, IReadOnlyList<(string Id, string Speaker, double Start, double End, string Text)> lines,
        string workDirectory, CancellationToken cancellationToken)
    {
        var wav = Path.Combine(workDirectory, $".reference-source-{Guid.NewGuid():N}.wav");
        float[] samples;
        try
        {
            await media.ExtractAudioAsync(audio, wav, Rate, 1, SampleEncoding.Pcm16, null, cancellationToken).ConfigureAwait(false);
            samples = WavReader.ReadAll(wav).Samples;
        }
        finally
        {
            if (File.Exists(wav)) File.Delete(wav);
        }
        var picked = ReferenceClipPicker.Pick(samples, Rate, lines);
        var folder = Path.Combine(workDirectory, Folder);
        Directory.CreateDirectory(folder);
        var references = new List<SpeakerReference>();
        foreach (var (speaker, chosen) in picked.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stretches = chosen.Select(l => Slice(samples, l.Start, l.End)).ToList();
            var path = Path.Combine(folder, SafeName(speaker) + ".wav");
            using (var writer = media.CreateWav(path, new AudioFormat(Rate, 1)))
            {
                var gap = new float[Rate / 5];
                foreach (var stretch in stretches)
                {
                    if (writer.FramesWritten > 0) writer.Write(gap);
                    writer.Write(stretch);
                }
                writer.Commit();
            }
            references.Add(new SpeakerReference(speaker, path, Math.Round(chosen.Sum(l => l.Seconds), 2), chosen, printer.Embed(stretches, path)));
        }
        return references;
    }

    private static float[] Slice(float[] samples, double start, double end)
    {
        var first = (int)Math.Clamp(start * Rate, 0, samples.Length);
        var last = (int)Math.Clamp(end * Rate, first, samples.Length);
        return samples[first..last];
    }

    private static string SafeName(string speaker) => new(speaker.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
