using System.Diagnostics;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Mixing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The mix rows on the demo: integrated loudness against the preset's target (goal: within 1 LU), true peak, and how
/// far the background drops under the voice. The voice is truth/vocals.wav standing in for a synthesized track, so the
/// figures measure the mixer alone, whatever synthesis does.
/// </summary>
public sealed class MixBench : IBenchStage
{
    public const string StandInNote = "voice = truth/vocals.wav (stand-in for synthesize's voice.wav)";

    public string Stage => "mix";

    public int Order => 70;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var vocals = Path.Combine(context.TruthDirectory, "vocals.wav");
        var background = Path.Combine(context.TruthDirectory, "background.wav");
        var rows = new List<BenchRow>();
        foreach (var (preset, route) in new[] { ("streaming", "separated"), ("broadcast", "separated"), ("streaming", "plain") })
        {
            var arguments = new MixArguments
            {
                Voice = vocals,
                Background = route == "separated" ? background : null,
                Original = route == "plain" ? context.DemoVideo : null,
                Video = context.DemoVideo,
                Loudness = preset,
            };
            var (result, seconds) = await RunMixAsync(context, arguments, $"mix-{preset}-{route}").ConfigureAwait(false);
            var miss = result.Loudness.IntegratedLufs - result.Loudness.TargetLufs;
            var figures = new Dictionary<string, double>
            {
                ["media_seconds"] = result.DurationSeconds,
                ["processing_seconds"] = seconds,
                ["target_lufs"] = result.Loudness.TargetLufs,
                ["integrated_lufs"] = result.Loudness.IntegratedLufs,
                ["loudness_error_lu"] = miss,
                ["true_peak_dbtp"] = result.Loudness.TruePeakDbtp,
                ["loudness_range_lu"] = result.Loudness.LoudnessRangeLu,
            };
            var quality = $"{result.Loudness.IntegratedLufs:0.0} LUFS vs {result.Loudness.TargetLufs:0} ({miss:+0.0;-0.0} LU), TP {result.Loudness.TruePeakDbtp:0.0} dBTP";
            if (preset == "streaming" && route == "separated")
            {
                var (under, between) = await DuckingDropAsync(context, vocals, background, arguments).ConfigureAwait(false);
                figures["background_drop_under_voice_db"] = under;
                figures["background_drop_without_voice_db"] = between;
                quality += $", background -{under:0.0} dB under voice (-{between:0.0} dB elsewhere)";
            }
            rows.Add(new BenchRow(Stage, $"ffmpeg ({route}, {preset})", seconds / result.DurationSeconds, quality, figures,
                $"{StandInNote}; {result.Loudness.Method}"));
        }
        return rows;
    }

    /// <summary>Runs the registered `mix` tool into its own folder and times it.</summary>
    public static async Task<(MixResult Result, double Seconds)> RunMixAsync(BenchContext context, MixArguments arguments, string folder)
    {
        var tool = context.Services.GetServices<ITool>().OfType<MixTool>().First();
        var toolContext = new ToolContext
        {
            WorkDirectory = Path.Combine(context.WorkDirectory, folder),
            JobDirectory = context.WorkDirectory,
            Services = context.Services,
            CancellationToken = context.CancellationToken,
        };
        var clock = Stopwatch.StartNew();
        var result = await tool.InvokeAsync(arguments, toolContext).ConfigureAwait(false);
        return (result, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Renders the mix graph once more with the ducked bed written out, and compares it with the bed before ducking
    /// (background x its volume) in 100 ms windows where the vocals are active (above -45 dBFS) and where they are not.
    /// </summary>
    private static async Task<(double Under, double Elsewhere)> DuckingDropAsync(BenchContext context, string vocals, string background, MixArguments a)
    {
        var ffmpeg = context.Services.GetRequiredService<Ffmpeg>();
        int rate, channels, voiceChannels;
        long frames;
        using (var bed = new WavReader(background)) (rate, channels, frames) = (bed.Format.SampleRate, bed.Format.Channels, bed.FrameCount);
        using (var voice = new WavReader(vocals)) voiceChannels = voice.Format.Channels;
        var ducked = Path.Combine(context.WorkDirectory, "ducked-bed.wav");
        var graph = new MixGraph
        {
            Voice = new MixInput(vocals, voiceChannels, a.VoiceVolume),
            Bed = new MixInput(background, channels, a.BackgroundVolume),
            SampleRate = rate,
            Channels = channels,
            Frames = frames,
            Ducking = new DuckingSettings(a.DuckDepthDb, a.DuckThresholdDb, a.DuckAttackMs, a.DuckReleaseMs),
            DuckedBedPath = ducked,
        };
        await ffmpeg.RunAsync(graph.BuildArguments(Path.Combine(context.WorkDirectory, "ducked-mix.wav")), frames / (double)rate, null,
            "render the ducked bed", context.CancellationToken).ConfigureAwait(false);

        using var voiceReader = new WavReader(vocals);
        using var bedReader = new WavReader(background);
        using var duckedReader = new WavReader(ducked);
        var window = rate / 10;
        var v = new float[window * voiceReader.Format.Channels];
        var b = new float[window * channels];
        var d = new float[window * channels];
        double bedUnder = 0, duckedUnder = 0, bedElse = 0, duckedElse = 0;
        var gain = a.BackgroundVolume * a.BackgroundVolume;
        while (true)
        {
            var n = Math.Min(Math.Min(voiceReader.Read(v), bedReader.Read(b)), duckedReader.Read(d));
            if (n == 0) break;
            var voiceEnergy = Energy(v, n * voiceReader.Format.Channels) / (n * voiceReader.Format.Channels);
            var bedEnergy = Energy(b, n * channels) * gain;
            var duckedEnergy = Energy(d, n * channels);
            if (10 * Math.Log10(voiceEnergy + 1e-20) > -45) { bedUnder += bedEnergy; duckedUnder += duckedEnergy; }
            else { bedElse += bedEnergy; duckedElse += duckedEnergy; }
        }
        return (10 * Math.Log10(bedUnder / Math.Max(duckedUnder, 1e-20)), 10 * Math.Log10(bedElse / Math.Max(duckedElse, 1e-20)));
    }

    private static double Energy(float[] samples, int count)
    {
        double sum = 0;
        for (var i = 0; i < count; i++) sum += samples[i] * (double)samples[i];
        return sum;
    }
}
