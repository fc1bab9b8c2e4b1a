using DubAgent.Abstractions.Engines;
using DubAgent.Core.Media;

namespace DubAgent.Server.Live.Voices;

/// <summary>
/// Speaks a line with a library actor's voice on an engine other than the in-process espeak-ng (piper, a cloning
/// engine): one clip through the engine's usual path in a scratch folder, read back as 16-bit mono at the engine's rate.
/// Slower than espeak-ng streaming (the whole line is made before the first audio goes out).
/// </summary>
public sealed class EngineLineSpeaker(IEngineRegistry engines, string workDirectory)
{
    public async Task<(short[] Samples, int SampleRate)> SpeakAsync(string text, string language, string engine, string voice, CancellationToken cancellationToken)
    {
        var (synthesizer, _) = await engines.ResolveAsync<ISynthesizer>(Capabilities.Synthesize, engine, cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateDirectory(Path.Combine(workDirectory, "speak-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var clip = Path.Combine(folder, "line.wav");
            await synthesizer.SynthesizeAsync(new SpeechRequest(text, language, voice, clip),
                new EngineContext { WorkDirectory = folder, CancellationToken = cancellationToken }).ConfigureAwait(false);
            var (format, samples) = WavReader.ReadAll(clip);
            var channels = format.Channels;
            var mono = new short[samples.Length / channels];
            for (var i = 0; i < mono.Length; i++) mono[i] = (short)Math.Clamp(samples[i * channels] * 32767f, short.MinValue, short.MaxValue);
            return (mono, format.SampleRate);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
