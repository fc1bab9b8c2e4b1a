using System.Diagnostics;
using System.Text;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Server.Live.Translation;

/// <summary>
/// One apertium language pair kept running: the programs of its mode file started once in null-flush mode and piped
/// into each other here, so a line costs milliseconds instead of starting a dozen processes. A line goes in followed by
/// a newline and NUL (lt-proc's bilingual step only lets a word go once it sees the blank after it); its translation
/// comes out up to the NUL. Lines are translated one at a time.
/// </summary>
public sealed class ApertiumPipeline : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly List<Task> _pumps = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly string _mode;

    private ApertiumPipeline(string mode, IReadOnlyList<string[]> stages)
    {
        _mode = mode;
        foreach (var stage in stages)
        {
            var info = new ProcessStartInfo(stage[0])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in stage.Skip(1)) info.ArgumentList.Add(argument);
            var process = Process.Start(info) ?? throw new EngineFailedException("apertium", $"'{stage[0]}' did not start", "Reinstall apertium.");
            process.ErrorDataReceived += (_, _) => { }; // drained so a chatty program never blocks on a full stderr pipe
            process.BeginErrorReadLine();
            if (_processes.Count > 0) _pumps.Add(PumpAsync(_processes[^1].StandardOutput.BaseStream, process.StandardInput.BaseStream));
            _processes.Add(process);
        }
        _input = _processes[0].StandardInput.BaseStream;
        _output = _processes[^1].StandardOutput.BaseStream;
    }

    /// <summary>Starts the pair <paramref name="mode"/> (e.g. eng-spa) from its mode file.</summary>
    public static ApertiumPipeline Start(string mode, string modesDirectory = ApertiumModeFile.ModesDirectory)
    {
        var file = Path.Combine(modesDirectory, mode + ".mode");
        if (!File.Exists(file))
            throw new EngineUnavailableException("apertium", "translate", $"the apertium pair '{mode}' is not installed ({file} is missing)",
                "apt-get install apertium and the pair's package (apt-cache search apertium-)");
        return new ApertiumPipeline(mode, ApertiumModeFile.Read(file));
    }

    /// <summary>The pair's raw output for one line (unknown-word marks included).</summary>
    public async Task<string> TranslateAsync(string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(Escape(line) + "\n\0");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await _input.WriteAsync(bytes, limit.Token).ConfigureAwait(false);
            await _input.FlushAsync(limit.Token).ConfigureAwait(false);
            var answer = new MemoryStream();
            var one = new byte[1024];
            while (true)
            {
                var read = await _output.ReadAsync(one, limit.Token).ConfigureAwait(false);
                if (read == 0) throw new EngineFailedException("apertium", $"the {_mode} pipeline ended", "Restart the live session; check: echo hello | apertium " + _mode);
                var end = Array.IndexOf(one, (byte)0, 0, read);
                answer.Write(one, 0, end < 0 ? read : end);
                if (end >= 0) break;
            }
            return Unescape(Encoding.UTF8.GetString(answer.ToArray())).Trim();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineFailedException("apertium", $"the {_mode} pipeline gave no answer within {timeout.TotalSeconds:0} s", "Restart the live session.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>apertium's stream format reserves these characters; plain text escapes them with a backslash.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\0') continue;
            if (c is '^' or '$' or '[' or ']' or '/' or '\\' or '@' or '<' or '>' or '{' or '}') builder.Append('\\');
            builder.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return builder.ToString();
    }

    internal static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    private static async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                await to.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // A program of the pipeline ended (shutdown): the next one sees its input close.
        }
        finally
        {
            to.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _input.Close();
        foreach (var process in _processes)
        {
            try
            {
                if (!process.WaitForExit(TimeSpan.FromSeconds(2))) process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        await Task.WhenAll(_pumps).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _gate.Dispose();
    }
}
