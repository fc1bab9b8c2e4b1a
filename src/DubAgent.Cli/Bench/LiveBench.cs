using System.Globalization;
using DubAgent.Server;
using DubAgent.Server.Hosting;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Transports;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The live stage: a real `serve --http` host in this process and protocol clients streaming shared speech (jfk, the
/// two-speaker pyannote sample) at real-time pace in 100 ms chunks, en -> es. Latency per segment is measured at the
/// client (last audio of the utterance sent -> first dubbed audio received), with the server's per-stage split; one
/// row for one session, one for four at once.
/// </summary>
public sealed class LiveBench : IBenchStage
{
    public string Stage => "live";

    public int Order => 90;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        if (context.SharedDataDirectory is not { } shared) return [new BenchRow(Stage, "live", null, null, Note: "not run: ../shared/data not found")];
        var clips = new[] { Path.Combine(shared, "jfk", "jfk.wav"), Path.Combine(shared, "pyannote_sample", "sample.wav") }.Where(File.Exists).ToList();
        var server = new DubAgentServer(context.Services, new DubAgentServerOptions { JobsDirectory = Path.Combine(context.WorkDirectory, "jobs") });
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), context.CancellationToken).ConfigureAwait(false);
        var audio = clips.Select(LiveStreamClient.ReadPcm16).ToList();
        // A first short session loads the recogniser and the translation pipes, as a running server has them.
        await StreamAsync(host.Endpoint, "warm", audio[0][..(16_000 * 3)], context.CancellationToken).ConfigureAwait(false);

        var single = new List<SegmentLatency>();
        foreach (var (pcm, i) in audio.Select((a, i) => (a, i)))
            single.AddRange(await StreamAsync(host.Endpoint, $"single-{i}", pcm, context.CancellationToken).ConfigureAwait(false));
        var four = (await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(i => StreamAsync(host.Endpoint, $"four-{i}", audio[i % audio.Count], context.CancellationToken))).ConfigureAwait(false)).SelectMany(l => l).ToList();
        var seconds = audio.Sum(a => a.Length) / 16_000.0;
        return [Row("1 session", single, seconds, clips), Row("4 sessions", four, seconds, clips)];
    }

    private BenchRow Row(string label, IReadOnlyList<SegmentLatency> segments, double seconds, List<string> clips)
    {
        if (segments.Count == 0) return new BenchRow(Stage, $"live ({label})", null, null, Note: "no segment was dubbed");
        var figures = new Dictionary<string, double> { ["segments"] = segments.Count };
        foreach (var (stage, values) in new[]
                 {
                     ("asr", segments.Select(s => s.AsrMs)), ("translate", segments.Select(s => s.TranslateMs)), ("tts", segments.Select(s => s.TtsMs)),
                     ("server_total", segments.Select(s => s.ServerTotalMs)), ("client_total", segments.Select(s => s.ClientMs)),
                 })
        {
            var stats = LatencyStatistics.Of(values.ToList());
            figures[$"{stage}_p50_ms"] = stats.P50;
            figures[$"{stage}_p90_ms"] = stats.P90;
            figures[$"{stage}_p95_ms"] = stats.P95;
        }
        string F(string key) => figures[key].ToString("0", CultureInfo.InvariantCulture);
        var quality = $"client total p50 {F("client_total_p50_ms")} ms, p90 {F("client_total_p90_ms")} ms, p95 {F("client_total_p95_ms")} ms over {segments.Count} segments; " +
                      $"p50/p90 asr {F("asr_p50_ms")}/{F("asr_p90_ms")}, translate {F("translate_p50_ms")}/{F("translate_p90_ms")}, tts (first audio) {F("tts_p50_ms")}/{F("tts_p90_ms")} ms";
        return new BenchRow(Stage, $"live ({label})", null, quality, figures,
            $"pocketsphinx + apertium + espeak-ng, en->es, real-time pace, 100 ms chunks; {string.Join(", ", clips.Select(Path.GetFileName))} ({seconds:0} s)");
    }

    private static async Task<IReadOnlyList<SegmentLatency>> StreamAsync(Uri endpoint, string session, short[] pcm, CancellationToken cancellationToken)
    {
        await using var client = await LiveStreamClient.ConnectAsync(endpoint, "bench", session, null, cancellationToken).ConfigureAwait(false);
        await client.StartAsync("en", "es", cancellationToken).ConfigureAwait(false);
        var started = await client.WaitForAsync(m => m.Type is "session" or "error", TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (started.Type == "error") throw new InvalidOperationException(started.Json.GetProperty("message").GetString());
        await client.StreamAsync(pcm, 100, true, cancellationToken).ConfigureAwait(false);
        await client.StopAsync(TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
        return client.Latencies();
    }
}
