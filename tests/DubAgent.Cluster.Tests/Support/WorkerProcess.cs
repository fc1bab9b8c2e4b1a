using System.Diagnostics;
using System.Text;
using DubAgent.Core.Processes;

namespace DubAgent.Cluster.Tests.Support;

/// <summary>A real `dubagent worker` child process: started until it says it consumes, killed with SIGKILL at will.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<WorkerProcess> StartAsync(string broker, string name, string? capabilities = null, int concurrency = 1,
        params string[] config)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ProgramLocator.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var info = new ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "dubagent.dll"), "worker", "--name", name, "--config", $"Cluster:Broker={broker}", "--concurrency", $"{concurrency}",
            .. capabilities is null ? [] : new[] { "--capabilities", capabilities }, .. config.SelectMany(c => new[] { "--config", c })];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var worker = new WorkerProcess(Process.Start(info)!, name);
        worker._process.ErrorDataReceived += (_, e) => worker.Heard(e.Data);
        worker._process.OutputDataReceived += (_, e) => worker.Heard(e.Data);
        worker._process.BeginErrorReadLine();
        worker._process.BeginOutputReadLine();
        var exited = worker._process.WaitForExitAsync();
        var first = await Task.WhenAny(worker._ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != worker._ready.Task)
            throw new InvalidOperationException($"worker {name} did not start consuming:\n{worker.Log}");
        return worker;
    }

    /// <summary>kill -9: no cancellation, no clean-up, the broker sees the connection drop with the step unacknowledged.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>kill -STOP: a hung worker. It keeps its connection and its locks, but answers nothing (no heartbeats).</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>kill -CONT: the hung worker comes back and goes on where it stopped.</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>Waits until the worker has said something containing <paramref name="text"/>.</summary>
    public async Task<bool> SaidAsync(string text, TimeSpan within)
    {
        for (var waited = TimeSpan.Zero; waited < within; waited += TimeSpan.FromMilliseconds(250))
        {
            if (Log.Contains(text, StringComparison.Ordinal)) return true;
            await Task.Delay(250);
        }
        return false;
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (line.Contains("Ctrl+C stops", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await ThawAsync();
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
