using System.Diagnostics;

namespace DubAgent.Cli.Bench;

/// <summary>`dubagent worker` processes started by the cluster bench from this same build, stopped when disposed.</summary>
public sealed class BenchWorkers : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    public static async Task<BenchWorkers> StartAsync(int count, string broker, CancellationToken cancellationToken)
    {
        var workers = new BenchWorkers();
        try
        {
            for (var i = 0; i < count; i++) await workers.StartOneAsync($"bench-worker-{i + 1}", broker, cancellationToken).ConfigureAwait(false);
            return workers;
        }
        catch
        {
            await workers.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartOneAsync(string name, string broker, CancellationToken cancellationToken)
    {
        // Through the dotnet host when this process runs that way (`dotnet dubagent.dll`), else the apphost itself.
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(BenchWorkers).Assembly.Location);
        foreach (var arg in new[] { "worker", "--name", name, "--config", $"Cluster:Broker={broker}" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {host}");
        _processes.Add(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var said = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (said) said.Add(e.Data);
            if (e.Data.Contains("Ctrl+C stops", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(cancellationToken), Task.Delay(TimeSpan.FromMinutes(2), cancellationToken))
            .ConfigureAwait(false);
        if (first != ready.Task)
            lock (said) throw new InvalidOperationException($"worker {name} did not start: {string.Join(" ", said.TakeLast(5))}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            process.Dispose();
        }
    }
}
