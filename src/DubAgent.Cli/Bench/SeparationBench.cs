using System.Diagnostics;
using System.Text.Json;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Separation;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The separation rows: every separation engine that runs here on the demo video, scored with BSS-eval SDR and SI-SDR
/// (channels averaged) against truth/vocals.wav and truth/background.wav; the mixture-as-vocals SDR is the floor.
/// Speed is wall-clock and CPU real-time factors (CPU seconds / 2 cores / media seconds, which a loaded machine does
/// not inflate), and the largest working set during each run. A last row checks the SDR code against mir_eval's
/// fixture in shared/data. Set DUBAGENT_BENCH_HOUR=1 to also separate a one-hour loop of the demo with dsp and through
/// the MDX-Net windows (<see cref="MdxHourRun"/>) and report the peak memory of each.
/// </summary>
public sealed class SeparationBench : IBenchStage
{
    public string Stage => "separate";

    public int Order => 20;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var tool = context.Services.GetRequiredService<IToolRegistry>().Find(SeparateAudioTool.ToolName)!;
        var truthVocals = Path.Combine(context.TruthDirectory, "vocals.wav");
        var truthBackground = Path.Combine(context.TruthDirectory, "background.wav");
        var hasTruth = File.Exists(truthVocals) && File.Exists(truthBackground);
        var vocalsTruth = hasTruth ? Mono(truthVocals) : null;
        var backgroundTruth = hasTruth ? Mono(truthBackground) : null;
        double? floor = hasTruth ? SdrBssEval.Sdr(vocalsTruth!, vocalsTruth!.Zip(backgroundTruth!, (v, b) => v + b).ToArray()) : null;

        var rows = new List<BenchRow>();
        foreach (var engine in registry.ForCapability(Capabilities.Separate))
        {
            var status = await registry.StatusAsync(engine, context.CancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                rows.Add(new BenchRow(Stage, engine.Name, null, null, null, $"not installed here: {status.InstallHint}"));
                continue;
            }
            var folder = Path.Combine(context.WorkDirectory, engine.Name);
            var toolContext = new ToolContext { WorkDirectory = folder, JobDirectory = context.WorkDirectory, Services = context.Services, CancellationToken = context.CancellationToken };
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            SeparateAudioResult result;
            string memoryText;
            double peak, rise;
            using (var memory = new PeakMemory())
            {
                result = (SeparateAudioResult)await tool.InvokeAsync(new SeparateAudioArguments { Input = context.DemoVideo, Engine = engine.Name, Out = folder },
                    toolContext).ConfigureAwait(false);
                (memoryText, peak, rise) = (memory.Describe(), memory.PeakMegabytes, memory.PeakMegabytes - memory.StartMegabytes);
            }
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var figures = new Dictionary<string, double>
            {
                ["media_seconds"] = result.DurationSeconds,
                ["processing_seconds"] = wall,
                ["cpu_rtf_2_cores"] = cpuSeconds / 2 / result.DurationSeconds,
                ["peak_working_set_mb"] = peak,
                ["working_set_rise_mb"] = rise,
            };
            var quality = "no truth to score against";
            if (hasTruth && result.Stems.TryGetValue("vocals", out var vocals) && result.Stems.TryGetValue("background", out var background))
            {
                var v = Mono(vocals);
                var b = Mono(background);
                var scores = SdrBssEval.Sources([vocalsTruth!, backgroundTruth!], [v, b], computePermutation: false).Scores;
                figures["vocals_sdr_db"] = scores[0].Sdr;
                figures["vocals_sir_db"] = scores[0].Sir;
                figures["vocals_sar_db"] = scores[0].Sar;
                figures["vocals_si_sdr_db"] = SdrScaleInvariant.Compute(vocalsTruth!, v);
                figures["background_sdr_db"] = scores[1].Sdr;
                figures["background_si_sdr_db"] = SdrScaleInvariant.Compute(backgroundTruth!, b);
                figures["mixture_as_vocals_sdr_db"] = floor!.Value;
                quality = $"vocals SDR {scores[0].Sdr:0.0} dB (SI-SDR {figures["vocals_si_sdr_db"]:0.0}, SIR {scores[0].Sir:0.0}, SAR {scores[0].Sar:0.0}), " +
                          $"background SDR {scores[1].Sdr:0.0} dB; mixture-as-vocals floor {floor:0.0} dB";
            }
            else if (hasTruth && result.Stems.TryGetValue("original", out var original))
            {
                var sdr = SdrBssEval.Sdr(vocalsTruth!, Mono(original));
                figures["original_as_vocals_sdr_db"] = sdr;
                quality = $"no separation: original as vocals SDR {sdr:0.0} dB (the floor)";
            }
            rows.Add(new BenchRow(Stage, engine.Name, wall / result.DurationSeconds, quality, figures,
                $"CPU RTF on 2 cores {figures["cpu_rtf_2_cores"]:0.000}; working set {memoryText}"));
        }

        if (context.SharedDataDirectory is { } shared && Directory.Exists(Path.Combine(shared, "sdr_fixture")))
            rows.Add(FixtureRow(Path.Combine(shared, "sdr_fixture")));
        if (Environment.GetEnvironmentVariable("DUBAGENT_BENCH_HOUR") == "1")
            rows.AddRange(await HourRowsAsync(context, tool).ConfigureAwait(false));
        return rows;
    }

    /// <summary>The SDR code against mir_eval's expected BSS-eval values (stems with truth in shared/data).</summary>
    private BenchRow FixtureRow(string folder)
    {
        float[] Load(string name) => WavReader.ReadAll(Path.Combine(folder, name)).Samples;
        var result = SdrBssEval.Sources([Load("ref01/0.wav"), Load("ref01/1.wav")], [Load("est01/0.wav"), Load("est01/1.wav")]);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "output01.json")));
        var sources = expected.RootElement.GetProperty("Sources");
        var worst = 0.0;
        foreach (var (key, pick) in new (string, Func<SdrScore, double>)[]
                 { ("Source to Distortion", s => s.Sdr), ("Source to Interference", s => s.Sir), ("Source to Artifact", s => s.Sar) })
        {
            var values = sources.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var i = 0; i < values.Length; i++) worst = Math.Max(worst, Math.Abs(values[i] - pick(result.Scores[i])));
        }
        return new BenchRow(Stage, "bss-eval", null, $"mir_eval fixture reproduced within {worst:0.0000} dB (SDR {result.Scores[0].Sdr:0.00}, {result.Scores[1].Sdr:0.00})",
            new Dictionary<string, double> { ["max_abs_error_db"] = worst }, "scorer check (shared/data/sdr_fixture)");
    }

    private async Task<IReadOnlyList<BenchRow>> HourRowsAsync(BenchContext context, ITool tool)
    {
        var folder = Path.Combine(context.WorkDirectory, "hour");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "hour.wav");
        var ffmpeg = context.Services.GetRequiredService<Ffmpeg>();
        await ffmpeg.RunAsync(["-stream_loop", "59", "-i", context.DemoVideo, "-vn", "-c:a", "pcm_s16le", input], 3600, null, "loop the demo to an hour",
            context.CancellationToken).ConfigureAwait(false);
        var mdx = await MdxHourRun.RunAsync(context, input, Stage).ConfigureAwait(false);
        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var result = (SeparateAudioResult)await tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "dsp", Out = folder },
            new ToolContext { WorkDirectory = folder, JobDirectory = context.WorkDirectory, Services = context.Services, CancellationToken = context.CancellationToken })
            .ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var file in Directory.GetFiles(folder, "*.wav")) File.Delete(file);
        return
        [
            new BenchRow(Stage, "dsp", seconds / result.DurationSeconds, $"one hour: working set {memory.Describe()}",
                new Dictionary<string, double>
                {
                    ["hour_peak_mb"] = memory.PeakMegabytes,
                    ["hour_rise_mb"] = memory.PeakMegabytes - memory.StartMegabytes,
                    ["media_seconds"] = result.DurationSeconds,
                }, "1-hour loop of the demo"),
            mdx,
        ];
    }

    /// <summary>Channels averaged; the demo is a minute, so holding it is fine.</summary>
    private static float[] Mono(string path)
    {
        var (format, samples) = WavReader.ReadAll(path);
        var mono = new float[samples.Length / format.Channels];
        for (var i = 0; i < mono.Length; i++)
        {
            var sum = 0f;
            for (var c = 0; c < format.Channels; c++) sum += samples[i * format.Channels + c];
            mono[i] = sum / format.Channels;
        }
        return mono;
    }
}
