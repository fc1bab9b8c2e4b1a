using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Processes;

/// <inheritdoc />
public sealed class ProcessRunner : IProcessRunner
{
    private readonly ProgramCatalog _catalog;

    public ProcessRunner(ProgramCatalog? catalog = null)
    {
        _catalog = catalog ?? new ProgramCatalog();
    }

    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new ProcessStartInfo(request.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = request.WorkingDirectory ?? "",
        };
        foreach (var argument in request.Arguments) info.ArgumentList.Add(argument);
        if (request.Environment is not null)
            foreach (var (key, value) in request.Environment) info.Environment[key] = value;

        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderrTail = new Queue<string>();
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { stdoutClosed.TrySetResult(); return; }
            lock (stdout)
            {
                if (stdout.Length < request.MaxStdoutChars) stdout.Append(e.Data).Append('\n');
            }
            request.OnStdoutLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { stderrClosed.TrySetResult(); return; }
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data);
                while (stderrTail.Count > request.StderrTailLines) stderrTail.Dequeue();
            }
            request.OnStderrLine?.Invoke(e.Data);
        };

        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var known = _catalog.Find(request.Program);
            throw new EngineUnavailableException(request.Program, known?.Purpose ?? "program",
                $"'{request.Program}' was not found or could not be started ({e.Message})",
                known?.InstallCommand ?? $"install '{request.Program}' and make sure it is on PATH");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = request.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await WriteInputAsync(process, request.StandardInput, linked.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            await Task.WhenAll(stdoutClosed.Task, stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled or timed out: the child (and anything it started) must not outlive the request.
            Kill(process);
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            throw new EngineFailedException(Path.GetFileName(request.Program),
                $"did not finish within {request.Timeout!.Value.TotalSeconds:0.#} s and was stopped",
                "give it more time (a timeout setting) or a shorter input", Tail(stderrTail));
        }
        catch (TimeoutException)
        {
            // Output pipes stayed open (a grandchild kept them); the exit code is what counts.
        }

        string output;
        lock (stdout) output = stdout.ToString();
        return new ProcessResult(process.ExitCode, output, Tail(stderrTail), clock.Elapsed);
    }

    private static async Task WriteInputAsync(Process process, string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input; its exit code says why.
        }
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines) return string.Join('\n', lines);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
