using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;

// Not ".Processes": that would hide DubAgent.Core.Processes from sibling test folders that write Processes.X.
namespace DubAgent.Core.Tests.ProcessRunning;

public sealed class ProcessRunnerTests : IDisposable
{
    private readonly ProcessRunner _runner = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-process-test-").FullName;

    [Fact]
    public async Task Arguments_arrive_one_by_one_with_spaces_quotes_and_shell_characters_intact()
    {
        string[] arguments = ["two words", "it's", "\"quoted\"", "$HOME", "a;b|c", "*", "", "ñandú 日本"];
        var result = await _runner.RunAsync(new ProcessRequest("printf", ["[%s]\\n", .. arguments]), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(arguments.Select(a => $"[{a}]"), lines);
    }

    [Fact]
    public async Task Standard_input_is_written_then_closed()
    {
        var result = await _runner.RunAsync(new ProcessRequest("cat", []) { StandardInput = "line one\nline two\n" }, CancellationToken.None);
        Assert.Equal("line one\nline two\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_failing_program_returns_its_exit_code_and_the_tail_of_stderr()
    {
        var result = await _runner.RunAsync(new ProcessRequest("sh", ["-c", "for i in $(seq 1 100); do echo err$i >&2; done; exit 3"]),
            CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        var tail = result.StderrTail.Split('\n');
        Assert.Equal(25, tail.Length);
        Assert.Equal("err76", tail[0]);
        Assert.Equal("err100", tail[^1]);
    }

    [Fact]
    public async Task Stdout_lines_are_reported_as_they_arrive()
    {
        var seen = new List<string>();
        await _runner.RunAsync(new ProcessRequest("sh", ["-c", "echo a; echo b; echo c"]) { OnStdoutLine = l => { lock (seen) seen.Add(l); } },
            CancellationToken.None);
        Assert.Equal(["a", "b", "c"], seen);
    }

    [Fact]
    public async Task A_timeout_kills_the_program_and_its_children_and_says_so()
    {
        var pids = Path.Combine(_folder, "pids");
        var request = new ProcessRequest("sh", ["-c", $"sleep 60 & echo $$ $! > '{pids}'; echo started >&2; wait"])
        {
            Timeout = TimeSpan.FromSeconds(2.5),
        };

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => _runner.RunAsync(request, CancellationToken.None));

        Assert.Contains("did not finish within 2.5 s", error.Message);
        Assert.Contains("started", error.StderrTail);
        AssertGone(pids);
    }

    [Fact]
    public async Task Cancellation_kills_the_program_and_its_children()
    {
        var pids = Path.Combine(_folder, "pids-cancel");
        using var cancel = new CancellationTokenSource();
        var run = _runner.RunAsync(new ProcessRequest("sh", ["-c", $"sleep 60 & echo $$ $! > '{pids}'; wait"]), cancel.Token);
        await WaitForFileAsync(pids);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        AssertGone(pids);
    }

    [Fact]
    public async Task An_already_cancelled_token_starts_nothing()
    {
        var marker = Path.Combine(_folder, "ran");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _runner.RunAsync(new ProcessRequest("touch", [marker]), new CancellationToken(canceled: true)));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_missing_program_is_engine_unavailable_with_a_hint()
    {
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            _runner.RunAsync(new ProcessRequest("dubagent-no-such-program", ["--version"]), CancellationToken.None));
        Assert.Contains("dubagent-no-such-program", error.Message);
        Assert.Contains("not found", error.Message);
        Assert.Contains("PATH", error.Hint);
    }

    [Fact]
    public async Task A_missing_known_program_gets_its_exact_install_command()
    {
        // A path where ffmpeg is not: the catalog still knows the program by its file name.
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            _runner.RunAsync(new ProcessRequest(Path.Combine(_folder, "ffmpeg"), ["-version"]), CancellationToken.None));
        Assert.Equal("sudo apt-get update && sudo apt-get install -y ffmpeg", error.Hint);
    }

    [Fact]
    public async Task Environment_and_working_directory_are_passed()
    {
        var result = await _runner.RunAsync(new ProcessRequest("sh", ["-c", "echo \"$DUBAGENT_TEST_VALUE\"; pwd"])
        {
            Environment = new Dictionary<string, string> { ["DUBAGENT_TEST_VALUE"] = "hello there" },
            WorkingDirectory = _folder,
        }, CancellationToken.None);
        Assert.Equal($"hello there\n{_folder}\n", result.StandardOutput);
    }

    [Fact]
    public void The_catalog_knows_ffmpeg_and_ffprobe_as_required()
    {
        var catalog = new ProgramCatalog();
        Assert.True(catalog.Find("ffmpeg")!.Required);
        Assert.True(catalog.Find("/usr/bin/ffprobe")!.Required);
        Assert.All(catalog.Programs, p => Assert.False(string.IsNullOrWhiteSpace(p.InstallCommand)));
    }

    [Fact]
    public void The_locator_finds_programs_on_path_and_not_others()
    {
        Assert.NotNull(ProgramLocator.Find("sh"));
        Assert.Null(ProgramLocator.Find("dubagent-no-such-program"));
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 800 && !(File.Exists(path) && new FileInfo(path).Length > 0); i++) await Task.Delay(25);
    }

    private static void AssertGone(string pidFile)
    {
        foreach (var pid in File.ReadAllText(pidFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A killed child may linger as a zombie for an instant until its parent is reaped.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (IsRunning(pid) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.False(IsRunning(pid), $"process {pid} is still running");
        }
    }

    private static bool IsRunning(string pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return false;
        try
        {
            return !File.ReadAllLines(status).Any(l => l.StartsWith("State:") && l.Contains('Z'));
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
