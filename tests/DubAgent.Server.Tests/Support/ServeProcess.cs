using System.Diagnostics;

namespace DubAgent.Server.Tests.Support;

/// <summary>`dotnet dubagent.dll serve --http 127.0.0.1:0 ...` as a child process with the real registry, stopped on dispose.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<ServeProcess> StartHttpAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[BuiltCli.Dll, "serve", "--http", "127.0.0.1:0", .. arguments]) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        // A cold start on a loaded machine is slow: wait generously for the address line.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("`dubagent serve --http` printed no address.");
        return new ServeProcess(process, new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
