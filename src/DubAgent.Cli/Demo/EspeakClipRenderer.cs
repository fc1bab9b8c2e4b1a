using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Demo;

/// <summary>Speaks one line with espeak-ng (deterministic: same text and voice, same bytes) and brings it to the demo layout.</summary>
public sealed class EspeakClipRenderer(IProcessRunner runner, AudioExtractor extractor)
{
    public async Task<SpeechClip> RenderAsync(DemoLine line, string workDirectory, int index, CancellationToken cancellationToken)
    {
        var raw = Path.Combine(workDirectory, $"line{index:D2}.espeak.wav");
        var result = await runner.RunAsync(new ProcessRequest("espeak-ng",
            ["-v", line.Voice.Voice, "-p", line.Voice.Pitch.ToString(), "-s", line.Voice.WordsPerMinute.ToString(), "-b", "1", "-w", raw, line.Text])
        { Timeout = TimeSpan.FromMinutes(1) }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new EngineFailedException("espeak-ng", $"could not speak demo line {index + 1} (exit code {result.ExitCode})",
                "Check `espeak-ng --voices=en` lists the en-us and en-gb voices.", result.StderrTail);

        // espeak writes 22.05 kHz mono; ffmpeg's resampler brings it to 48 kHz stereo, deterministically.
        var converted = Path.Combine(workDirectory, $"line{index:D2}.wav");
        await extractor.ExtractAsync(raw, converted, DemoAudioFormat.SampleRate, DemoAudioFormat.Channels, SampleEncoding.Float32, null,
            cancellationToken).ConfigureAwait(false);
        var (_, samples) = WavReader.ReadAll(converted);
        return SpeechClip.From(samples);
    }
}
