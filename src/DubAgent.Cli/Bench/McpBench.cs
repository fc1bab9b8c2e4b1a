using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The MCP server's scoreboard rows: `dubagent serve` started as a child (stdio, then Streamable HTTP on a free
/// loopback port), round-trip time of tools/list and of a trivial tool call (list_engines of one capability, its
/// engine checks cached), median of 100 each, start-up time, and the server's memory at rest after them.
/// </summary>
public sealed class McpBench : IBenchStage
{
    private const int Rounds = 100;

    public string Stage => "mcp";

    public int Order => 90;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var rows = new List<BenchRow>();
        var jobs = Path.Combine(context.WorkDirectory, "mcp-jobs");
        Directory.CreateDirectory(jobs);
        string[] serve = [typeof(McpBench).Assembly.Location, "serve", "--jobs", jobs, "--root", context.WorkDirectory];

        using (var stdio = StartServer(serve))
        {
            var clock = Stopwatch.StartNew();
            var transport = new StreamClientTransport(stdio.StandardInput.BaseStream, stdio.StandardOutput.BaseStream, NullLoggerFactory.Instance);
            await using var client = await McpClient.CreateAsync(transport, ClientOptions(), NullLoggerFactory.Instance, context.CancellationToken).ConfigureAwait(false);
            rows.Add(await MeasureAsync("stdio", client, stdio, clock.Elapsed, context.CancellationToken).ConfigureAwait(false));
            stdio.StandardInput.Close();
            await StopAsync(stdio).ConfigureAwait(false);
        }

        using (var http = StartServer([.. serve, "--http", "127.0.0.1:0"]))
        {
            var clock = Stopwatch.StartNew();
            var line = await http.StandardOutput.ReadLineAsync(context.CancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("`dubagent serve --http` printed no address.");
            var endpoint = new Uri(line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim());
            var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp },
                NullLoggerFactory.Instance);
            await using (var client = await McpClient.CreateAsync(transport, ClientOptions(), NullLoggerFactory.Instance, context.CancellationToken).ConfigureAwait(false))
                rows.Add(await MeasureAsync("http", client, http, clock.Elapsed, context.CancellationToken).ConfigureAwait(false));
            await StopAsync(http).ConfigureAwait(false);
        }
        return rows;
    }

    private static McpClientOptions ClientOptions() => new()
    {
        ClientInfo = new Implementation { Name = "dubagent-bench", Version = "1" },
        DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
        InitializationTimeout = TimeSpan.FromSeconds(90),
    };

    private static async Task<BenchRow> MeasureAsync(string transport, McpClient client, Process server, TimeSpan startup, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?> { ["capability"] = "translate" };
        await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CallToolAsync("list_engines", arguments, cancellationToken: cancellationToken).ConfigureAwait(false);

        var list = new double[Rounds];
        var listResult = new double[Rounds];
        var call = new double[Rounds];
        var bytes = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            list[i] = clock.Elapsed.TotalMilliseconds;
            // The protocol result alone: the client skips making an AIFunction of each tool (its share of the first figure).
            clock.Restart();
            var page = await client.ListToolsAsync(new ListToolsRequestParams(), cancellationToken).ConfigureAwait(false);
            listResult[i] = clock.Elapsed.TotalMilliseconds;
            if (i == 0) bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(page, ModelContextProtocol.McpJsonUtilities.DefaultOptions).Length;
            clock.Restart();
            var result = await client.CallToolAsync("list_engines", arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
            call[i] = clock.Elapsed.TotalMilliseconds;
            if (result.IsError == true) throw new InvalidOperationException("list_engines failed during the MCP bench.");
        }

        // At rest: after the work, a collection's worth of idle time.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        server.Refresh();
        var workingSetMb = server.WorkingSet64 / (1024.0 * 1024);
        var privateMb = server.PrivateMemorySize64 / (1024.0 * 1024);
        var figures = new Dictionary<string, double>
        {
            ["tools_list_ms_median"] = Median(list),
            ["tools_list_result_ms_median"] = Median(listResult),
            ["tools_list_kb"] = bytes / 1024.0,
            ["tool_call_ms_median"] = Median(call),
            ["tools_list_ms_p90"] = Percentile(list, 0.9),
            ["tool_call_ms_p90"] = Percentile(call, 0.9),
            ["startup_ms"] = startup.TotalMilliseconds,
            ["working_set_mb"] = workingSetMb,
            ["private_mb"] = privateMb,
        };
        var quality = string.Create(CultureInfo.InvariantCulture,
            $"tools/list {Median(list):0.00} ms ({Median(listResult):0.00} ms as a protocol result, {bytes / 1024.0:0} KB), call {Median(call):0.00} ms (median of {Rounds}); {workingSetMb:0} MB at rest");
        return new BenchRow("mcp", transport, null, quality, figures, $"start-up to connected {startup.TotalMilliseconds:0} ms");
    }

    private static Process StartServer(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start `dotnet dubagent.dll serve`.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }
    }

    private static double Median(double[] values) => Percentile(values, 0.5);

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var index = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(index);
        var high = (int)Math.Ceiling(index);
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (index - low), 3);
    }
}
