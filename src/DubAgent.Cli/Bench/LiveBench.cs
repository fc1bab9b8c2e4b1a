using System.Globalization;
using DubAgent.Server;
using DubAgent.Server.Hosting;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Transports;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The live stage: a real `serve --http` host in this process and protocol clients streaming the real English
/// recordings of ../shared/data (<see cref="LiveBenchClips"/>) at real-time pace in 100 ms chunks, en -> es, one
/// session per recording. Latency per segment is measured at the client (last audio of the utterance sent -> first
/// dubbed audio received), with the server's per-stage split: one summary row and one p50/p90 row per stage for one
/// client, for four clients at once, and for one client with Live:Search=accurate; and the WER of what the live path
/// recognised (both searches) against the batch path.
/// </summary>
public sealed class LiveBench : IBenchStage
{
    private static readonly string[] Stages = ["asr", "translate", "tts", "server_total", "client_total"];

    public string Stage => "live";

    public int Order => 90;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        if (context.SharedDataDirectory is not { } shared) return [new BenchRow(Stage, "live", null, null, Note: "not run: ../shared/data not found")];
        var clips = LiveBenchClips.Load(shared);
        if (clips.Count == 0) return [new BenchRow(Stage, "live", null, null, Note: "not run: no English recording in ../shared/data")];
        var server = new DubAgentServer(context.Services, new DubAgentServerOptions { JobsDirectory = Path.Combine(context.WorkDirectory, "jobs") });
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), context.CancellationToken).ConfigureAwait(false);
        // A first short session loads the recogniser and the translation pipes, as a running server has them.
        await StreamAsync(host.Endpoint, "warm", clips[0].Pcm[..Math.Min(clips[0].Pcm.Length, 16_000 * 3)], context.CancellationToken).ConfigureAwait(false);

        var single = await ClientAsync(host.Endpoint, "single", clips, context.CancellationToken).ConfigureAwait(false);
        var accurate = await AccurateAsync(context, clips).ConfigureAwait(false);
        var four = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(i => ClientAsync(host.Endpoint, $"four-{i}", clips.Skip(i % clips.Count).Concat(clips.Take(i % clips.Count)).ToList(), context.CancellationToken)))
            .ConfigureAwait(false);
        var seconds = clips.Sum(c => c.Seconds);
        var note = $"pocketsphinx + apertium + espeak-ng, en->es, real-time pace, 100 ms chunks, one session per recording; " +
                   $"{string.Join(", ", clips.Select(c => c.Name))} ({seconds:0} s)";
        var rows = new List<BenchRow>();
        rows.AddRange(Rows("1 session", single.SelectMany(r => r.Latencies).ToList(), note));
        rows.AddRange(Rows("4 sessions", four.SelectMany(c => c.SelectMany(r => r.Latencies)).ToList(), note + " each, 4 clients at once"));
        rows.AddRange(Rows("1 session, Live:Search=accurate", accurate.SelectMany(r => r.Latencies).ToList(), note));
        rows.Add(await LiveRecognitionQuality.RowAsync(Stage, single.Select(r => (r.Clip, r.Heard)).ToList(),
            accurate.Select(r => (r.Clip, r.Heard)).ToList(), context).ConfigureAwait(false));
        return rows;
    }

    /// <summary>The same single client against a second host whose recogniser runs pocketsphinx's default (accurate) search.</summary>
    private static async Task<IReadOnlyList<(LiveBenchClips.Clip Clip, IReadOnlyList<SegmentLatency> Latencies, string Heard)>> AccurateAsync(
        BenchContext context, IReadOnlyList<LiveBenchClips.Clip> clips)
    {
        var services = new LiveSettingsOverlay(context.Services, new Dictionary<string, string?> { ["Live:Search"] = "accurate" });
        var server = new DubAgentServer(services, new DubAgentServerOptions { JobsDirectory = Path.Combine(context.WorkDirectory, "jobs-accurate") });
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), context.CancellationToken).ConfigureAwait(false);
        await StreamAsync(host.Endpoint, "warm", clips[0].Pcm[..Math.Min(clips[0].Pcm.Length, 16_000 * 3)], context.CancellationToken).ConfigureAwait(false);
        return await ClientAsync(host.Endpoint, "accurate", clips, context.CancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<BenchRow> Rows(string label, IReadOnlyList<SegmentLatency> segments, string note)
    {
        if (segments.Count == 0)
        {
            yield return new BenchRow(Stage, $"live ({label})", null, null, Note: "no segment was dubbed");
            yield break;
        }
        var figures = new Dictionary<string, double> { ["segments"] = segments.Count };
        foreach (var stage in Stages)
        {
            var stats = LatencyStatistics.Of(segments.Select(s => Value(s, stage)).ToList());
            figures[$"{stage}_p50_ms"] = stats.P50;
            figures[$"{stage}_p90_ms"] = stats.P90;
            figures[$"{stage}_p95_ms"] = stats.P95;
        }
        string F(string key) => figures[key].ToString("0", CultureInfo.InvariantCulture);
        yield return new BenchRow(Stage, $"live ({label})", null,
            $"client total p50 {F("client_total_p50_ms")} ms, p90 {F("client_total_p90_ms")} ms, p95 {F("client_total_p95_ms")} ms over {segments.Count} segments",
            figures, note);
        foreach (var stage in Stages)
            yield return new BenchRow(Stage, $"  {label}: {StageLabel(stage)}", null, $"p50 {F($"{stage}_p50_ms")} ms, p90 {F($"{stage}_p90_ms")} ms",
                new Dictionary<string, double> { ["p50_ms"] = figures[$"{stage}_p50_ms"], ["p90_ms"] = figures[$"{stage}_p90_ms"] });
    }

    private static double Value(SegmentLatency s, string stage) => stage switch
    {
        "asr" => s.AsrMs,
        "translate" => s.TranslateMs,
        "tts" => s.TtsMs,
        "server_total" => s.ServerTotalMs,
        _ => s.ClientMs,
    };

    private static string StageLabel(string stage) => stage switch
    {
        "asr" => "asr (end of audio -> final transcript)",
        "tts" => "tts (to first audio)",
        "server_total" => "total at the server",
        "client_total" => "total at the client",
        _ => stage,
    };

    /// <summary>One client streaming each recording in its own session, one after another.</summary>
    private static async Task<IReadOnlyList<(LiveBenchClips.Clip Clip, IReadOnlyList<SegmentLatency> Latencies, string Heard)>> ClientAsync(
        Uri endpoint, string name, IReadOnlyList<LiveBenchClips.Clip> clips, CancellationToken cancellationToken)
    {
        var results = new List<(LiveBenchClips.Clip, IReadOnlyList<SegmentLatency>, string)>();
        foreach (var (clip, i) in clips.Select((c, i) => (c, i)))
        {
            var (latencies, heard) = await StreamAsync(endpoint, $"{name}-{i}", clip.Pcm, cancellationToken).ConfigureAwait(false);
            results.Add((clip, latencies, heard));
        }
        return results;
    }

    private static async Task<(IReadOnlyList<SegmentLatency> Latencies, string Heard)> StreamAsync(Uri endpoint, string session, short[] pcm,
        CancellationToken cancellationToken)
    {
        await using var client = await LiveStreamClient.ConnectAsync(endpoint, "bench", session, null, cancellationToken).ConfigureAwait(false);
        await client.StartAsync("en", "es", cancellationToken).ConfigureAwait(false);
        var started = await client.WaitForAsync(m => m.Type is "session" or "error", TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (started.Type == "error") throw new InvalidOperationException(started.Json.GetProperty("message").GetString());
        await client.StreamAsync(pcm, 100, true, cancellationToken).ConfigureAwait(false);
        // On a loaded machine recognition can fall minutes behind real time: the figures say so, the bench waits.
        await client.StopAsync(TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
        var heard = string.Join(' ', client.Messages.Where(m => m.Type == "transcript" && m.Json.GetProperty("final").GetBoolean())
            .Select(m => m.Json.GetProperty("text").GetString()));
        return (client.Latencies(), heard);
    }
}
