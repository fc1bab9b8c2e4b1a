using System.Text.Json;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Voices;

/// <summary>`dubagent voices` against a library in a temporary folder, in-process and across separate processes.</summary>
public sealed class VoicesCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string SamplePath => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "jfk", "jfk.wav"));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DubAgent.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("DubAgent.sln not found above the test folder");
    }

    private string[] Library => ["--config", $"Voices:Directory={_temp["voices"]}"];

    private Dictionary<string, string> Environment => new() { ["DUBAGENT_VOICES__DIRECTORY"] = _temp["voices"] };

    [Fact]
    public async Task Create_without_consent_exits_2_and_says_why_and_keeps_nothing()
    {
        var run = await CliRun.InProcessAsync(["voices", "create", "Ana", "--sample", SamplePath, .. Library]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("without consent", run.Stderr);
        Assert.Contains("--consent", run.Stderr);
        var list = await CliRun.InProcessAsync(["voices", "list", "--json", .. Library]);
        Assert.Equal(0, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Add_keeps_more_recordings_of_an_actor_and_refuses_an_unknown_one()
    {
        var other = Path.Combine(Path.GetDirectoryName(SamplePath)!, "..", "pyannote_sample", "sample.wav");
        Assert.Equal(0, (await CliRun.InProcessAsync(["voices", "create", "Ana", "--sample", SamplePath, "--consent", "I, Ana, agree.", .. Library])).ExitCode);

        var added = await CliRun.InProcessAsync(["voices", "add", "ana", "--sample", other, "--json", .. Library]);

        Assert.True(added.ExitCode == 0, added.Stderr);
        var actor = JsonDocument.Parse(added.Stdout).RootElement;
        Assert.Equal(2, actor.GetProperty("clips").GetInt32());
        Assert.Equal(2, actor.GetProperty("clip_files").GetArrayLength());
        var unknown = await CliRun.InProcessAsync(["voices", "add", "Bea", "--sample", other, .. Library]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no actor named 'Bea'", unknown.Stderr);
        Assert.Contains("voices create", unknown.Stderr);
    }

    [Fact]
    public async Task Create_assign_show_and_delete_work_across_processes()
    {
        var created = await CliRun.ChildProcessAsync(Environment, "voices", "create", "Ana", "--sample", SamplePath, "--consent", "I, Ana, agree.");
        Assert.True(created.ExitCode == 0, created.Stderr);

        var assigned = await CliRun.ChildProcessAsync(Environment, "voices", "assign", "ana", "--language", "es", "--engine", "espeak-ng", "--voice", "male-low");
        Assert.True(assigned.ExitCode == 0, assigned.Stderr);

        var show = await CliRun.InProcessAsync(["voices", "show", "Ana", "--json", .. Library]);
        Assert.True(show.ExitCode == 0, show.Stderr);
        var actor = JsonDocument.Parse(show.Stdout).RootElement;
        Assert.Equal("male-low", actor.GetProperty("assignments")[0].GetProperty("voice").GetString());
        var consent = actor.GetProperty("consents")[0];
        Assert.Equal("I, Ana, agree.", consent.GetProperty("statement").GetString());
        Assert.Matches("^[0-9a-f]{64}$", consent.GetProperty("source_clip_sha256")[0].GetString());
        Assert.Contains("mfcc-stats", actor.GetProperty("embedding_kinds").EnumerateArray().Select(e => e.GetString()));

        var badVoice = await CliRun.InProcessAsync(["voices", "assign", "Ana", "--language", "es", "--engine", "espeak-ng", "--voice", "nobody", .. Library]);
        Assert.Equal(2, badVoice.ExitCode);
        Assert.Contains("male-low", badVoice.Stderr);

        var deleted = await CliRun.ChildProcessAsync(Environment, "voices", "delete", "Ana");
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);
        Assert.Equal(2, (await CliRun.InProcessAsync(["voices", "show", "Ana", .. Library])).ExitCode);
    }

    [Fact]
    public async Task Processes_creating_actors_at_once_all_succeed()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            CliRun.ChildProcessAsync(Environment, "voices", "create", $"Actor {i}", "--sample", SamplePath, "--consent", "I agree.")));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        var list = await CliRun.InProcessAsync(["voices", "list", "--json", .. Library]);
        Assert.Equal(3, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("count").GetInt32());
    }
}
