using System.Diagnostics;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Export;
using DubAgent.Engines.Mixing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The export row on the demo: a dubbed video (with the original as a second track and one package zip), the
/// difference between audio and video length against one frame, and the loudness of the AAC track as delivered.
/// </summary>
public sealed class ExportBench : IBenchStage
{
    public string Stage => "export";

    public int Order => 80;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var (mix, _) = await MixBench.RunMixAsync(context, new MixArguments
        {
            Voice = Path.Combine(context.TruthDirectory, "vocals.wav"),
            Background = Path.Combine(context.TruthDirectory, "background.wav"),
            Video = context.DemoVideo,
        }, "mix").ConfigureAwait(false);

        var tool = context.Services.GetServices<ITool>().OfType<ExportTool>().First();
        var transcript = Path.Combine(context.TruthDirectory, "transcript.json");
        var toolContext = new ToolContext
        {
            WorkDirectory = Path.Combine(context.WorkDirectory, "export"),
            JobDirectory = context.WorkDirectory,
            Services = context.Services,
            CancellationToken = context.CancellationToken,
        };
        var clock = Stopwatch.StartNew();
        var result = await tool.InvokeAsync(new ExportArguments
        {
            Video = context.DemoVideo,
            Mix = mix.Path,
            Language = "es",
            SourceLanguage = "en",
            KeepOriginalAudio = true,
            Transcript = File.Exists(transcript) ? transcript : null,
        }, toolContext).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        var video = result.Videos[0];
        var figures = new Dictionary<string, double>
        {
            ["media_seconds"] = video.DurationSeconds,
            ["processing_seconds"] = seconds,
            ["audio_video_difference_ms"] = video.AudioVideoDifferenceMs,
            ["frame_ms"] = video.FrameMs,
            ["integrated_lufs_aac"] = video.IntegratedLufs,
            ["true_peak_dbtp_aac"] = video.TruePeakDbtp,
            ["package_bytes"] = result.PackagePath is { } zip ? new FileInfo(zip).Length : 0,
        };
        var quality = $"audio-video {video.AudioVideoDifferenceMs:0.0} ms (frame {video.FrameMs:0.0} ms), AAC {video.IntegratedLufs:0.0} LUFS, TP {video.TruePeakDbtp:0.0} dBTP";
        return [new BenchRow(Stage, "ffmpeg (mp4 + zip)", seconds / video.DurationSeconds, quality, figures, MixBench.StandInNote)];
    }
}
