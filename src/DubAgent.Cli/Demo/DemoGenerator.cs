using DubAgent.Abstractions;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Demo;

/// <summary>
/// Makes the demo: a one-minute test-pattern video whose soundtrack is a two-voice dialogue over music and sound
/// effects, with the ground truth beside it. Deterministic: the same truth bytes on every run.
/// </summary>
public sealed class DemoGenerator(IProcessRunner runner, Ffmpeg ffmpeg, AudioExtractor extractor, ProgramCatalog catalog)
{
    /// <summary>Bump when the output changes, so cached demos (bench) are made again.</summary>
    public const int Version = 1;

    /// <summary>Makes the demo in <paramref name="directory"/> (new, empty, or an earlier demo's folder).</summary>
    public async Task<DemoMedia> GenerateAsync(string directory, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        DemoPrerequisites.Require(catalog);
        var media = DemoFolder.Claim(directory);
        DemoFolder.Mark(media, Version, complete: false);
        var work = Directory.CreateTempSubdirectory("dubagent-demo-");
        try
        {
            await RenderTruthAsync(media, work.FullName, new ProgressSlice(progress, 0, 0.4, "making the soundtrack"), cancellationToken)
                .ConfigureAwait(false);
            await new DemoVideoEncoder(ffmpeg).EncodeAsync(media, new ProgressSlice(progress, 0.4, 1, "encoding the video"),
                cancellationToken).ConfigureAwait(false);
            DemoFolder.Mark(media, Version, complete: true);
            return media;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The demo in <paramref name="directory"/>, made only when it is absent or from another generator version.</summary>
    public async Task<DemoMedia> EnsureAsync(string directory, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var media = new DemoMedia(Path.GetFullPath(directory));
        return DemoFolder.IsComplete(media, Version) ? media : await GenerateAsync(directory, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only the audio ground truth (truth/*.wav, transcript.json), without the video.</summary>
    public async Task RenderTruthAsync(DemoMedia media, string workDirectory, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var soundtrack = new DemoSoundtrack(new EspeakClipRenderer(runner, extractor), new ExpressionSynth(ffmpeg));
        await soundtrack.RenderAsync(media, workDirectory, progress, cancellationToken).ConfigureAwait(false);
    }
}
