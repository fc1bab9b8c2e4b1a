using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;

namespace DubAgent.Core.Tests.Pipelines;

/// <summary>Issue 13: output paths stay in their step folder, job folders are DubAgent's own and locked, nothing unfinished looks finished.</summary>
public sealed class JobFolderSafetyTests : IDisposable
{
    private readonly PipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static string SaveRecipe(string output, bool hang = false) => $$$"""
        name: save
        inputs:
          text: { type: string, default: hello }
          name: { type: string, default: "text.txt" }
        steps:
          - id: save
            tool: save_text
            with:
              text: ${{ inputs.text }}
              output: {{{output}}}
              hang: {{{(hang ? "true" : "false")}}}
        """;

    [Theory]
    [InlineData("../../victim/notes.txt")]
    [InlineData("/tmp/dubagent-victim/notes.txt")]
    [InlineData("sub/../../../escape.txt")]
    public async Task A_literal_output_outside_the_step_folder_is_refused_at_validation_with_its_line_before_any_step(string output)
    {
        var victim = Path.Combine(_fixture.Directory, "victim");
        Directory.CreateDirectory(victim);
        File.WriteAllText(Path.Combine(victim, "notes.txt"), "mine");

        var problems = _fixture.Problems(SaveRecipe(output));
        var problem = Assert.Single(problems);
        Assert.Contains("leaves the step's folder", problem.Message);
        Assert.Equal(10, problem.Line);

        var error = await Assert.ThrowsAsync<PipelineException>(() => _fixture.RunAsync(_fixture.Load(SaveRecipe(output)), []));
        Assert.Contains("test.yaml:10:", error.Message);
        Assert.Contains("leaves the step's folder", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(victim, "notes.txt")));
        Assert.False(Directory.Exists(Path.Combine(_fixture.Directory, "job", "save")));
    }

    [Fact]
    public async Task An_output_from_an_expression_that_climbs_out_is_an_input_error_and_writes_nothing()
    {
        var victim = Path.Combine(_fixture.Directory, "victim.txt");
        File.WriteAllText(victim, "mine");
        var recipe = _fixture.Load(SaveRecipe("${{ inputs.name }}"));
        var error = await Assert.ThrowsAsync<PipelineException>(() => _fixture.RunAsync(recipe, new() { ["name"] = "../../victim.txt" }));
        Assert.IsType<InputException>(error.InnerException);
        Assert.Contains("outside this step's folder", error.Message);
        Assert.Equal("mine", File.ReadAllText(victim));
    }

    [Fact]
    public async Task A_relative_output_inside_the_step_folder_is_written_there()
    {
        var result = await _fixture.RunAsync(_fixture.Load(SaveRecipe("deep/er/out.txt")), []);
        var written = Path.Combine(_fixture.Directory, "job", "save", "deep", "er", "out.txt");
        Assert.Equal(written, result.Steps[0].Result!.Value.GetProperty("output").GetString());
        Assert.Equal("hello", File.ReadAllText(written));
    }

    [Fact]
    public async Task A_folder_of_the_users_files_is_not_adopted_as_a_job_folder()
    {
        var folder = Path.Combine(_fixture.Directory, "users");
        Directory.CreateDirectory(Path.Combine(folder, "save"));
        File.WriteAllText(Path.Combine(folder, "job.txt"), "my notes");
        File.WriteAllText(Path.Combine(folder, "save", "text.txt"), "my text");

        var error = await Assert.ThrowsAsync<InputException>(() => _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), [], "users"));
        Assert.Contains("users", error.Message);
        Assert.Contains("did not make", error.Message);
        Assert.Equal("my text", File.ReadAllText(Path.Combine(folder, "save", "text.txt")));
        Assert.False(File.Exists(Path.Combine(folder, "job.json")));
    }

    [Fact]
    public async Task New_empty_and_own_folders_are_accepted()
    {
        Directory.CreateDirectory(Path.Combine(_fixture.Directory, "empty"));
        var recipe = _fixture.Load(SaveRecipe("text.txt"));
        await _fixture.RunAsync(recipe, [], "empty");
        await _fixture.RunAsync(recipe, [], "fresh");
        var again = await _fixture.RunAsync(recipe, [], "fresh");
        Assert.Equal(StepStatus.Cached, again.Steps[0].Status);
    }

    [Fact]
    public async Task A_second_run_in_a_locked_folder_is_refused_and_names_the_holder()
    {
        var job = Path.Combine(_fixture.Directory, "job");
        JobFolder.Claim(job);
        using (JobFolderLock.Acquire(job, "a test holding it"))
        {
            var error = await Assert.ThrowsAsync<InputException>(() => _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), []));
            Assert.Contains("in use by another run", error.Message);
            Assert.Contains($"process {Environment.ProcessId}", error.Message);
            Assert.False(Directory.Exists(Path.Combine(job, "save")));
        }
        var result = await _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), []);
        Assert.Equal(StepStatus.Ran, result.Steps[0].Status);
        Assert.False(File.Exists(Path.Combine(job, JobFolderLock.HolderName)));
    }

    [Fact]
    public async Task A_stale_lock_of_a_dead_process_is_taken_over_and_its_running_job_reads_as_interrupted()
    {
        var job = Path.Combine(_fixture.Directory, "job");
        await _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), []);
        // What kill -9 leaves: job.json "running", the holder file of a process that no longer exists.
        var record = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(Path.Combine(job, "job.json")), DubAgentJson.Options)!;
        File.WriteAllText(Path.Combine(job, "job.json"), JsonSerializer.Serialize(record with { Status = "running", Ended = null }, DubAgentJson.Options));
        var dead = new LockHolder(int.MaxValue - 7, DateTimeOffset.UtcNow.AddHours(-1), "recipe save", Environment.MachineName, DateTimeOffset.UtcNow.AddHours(-1));
        File.WriteAllText(Path.Combine(job, JobFolderLock.HolderName), JsonSerializer.Serialize(dead, DubAgentJson.Options));

        var status = JobStatus.Read(job)!;
        Assert.Equal("interrupted", status.Status);
        Assert.Equal("save", status.LastCompletedStep);
        Assert.Contains("interrupted", File.ReadAllText(Path.Combine(job, "job.json")));

        var rerun = await _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), []);
        Assert.Equal(StepStatus.Cached, rerun.Steps[0].Status);
        Assert.Equal("completed", JobStatus.Read(job)!.Status);
    }

    [Fact]
    public void A_live_holder_keeps_a_running_job_running()
    {
        var job = JobFolder.Claim(Path.Combine(_fixture.Directory, "live"));
        File.WriteAllText(Path.Combine(job, "job.json"), JsonSerializer.Serialize(new JobRecord { Status = "running" }, DubAgentJson.Options));
        using var held = JobFolderLock.Acquire(job, "a live run");
        Assert.Equal("running", JobStatus.Read(job)!.Status);
    }

    [Fact]
    public async Task A_cancelled_rerun_leaves_neither_the_old_output_nor_its_half_written_one()
    {
        var job = Path.Combine(_fixture.Directory, "job");
        await _fixture.RunAsync(_fixture.Load(SaveRecipe("text.txt")), new() { ["text"] = "first" });
        Assert.Equal("first", File.ReadAllText(Path.Combine(job, "save", "text.txt")));

        SaveTextTool.Hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var run = _fixture.Runner.RunAsync(_fixture.Load(SaveRecipe("text.txt", hang: true)),
            new PipelineRunRequest(new Dictionary<string, string> { ["text"] = "second" }, job), null, cancel.Token);
        await SaveTextTool.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("second", File.ReadAllText(Path.Combine(job, "save", "text.txt")));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.False(Directory.Exists(Path.Combine(job, "save")), "an interrupted step leaves nothing that looks finished");
        Assert.Equal("cancelled", JobStatus.Read(job)!.Status);
    }

    [Fact]
    public async Task Temporaries_are_swept_after_a_step_and_leftovers_of_a_killed_run_at_the_next_start()
    {
        var job = Path.Combine(_fixture.Directory, "job");
        var recipe = _fixture.Load(SaveRecipe("text.txt"));
        await _fixture.RunAsync(recipe, []);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(job, "save"), ".*"));

        // A killed run's leftovers beside a finished step: a partial output and a scratch folder.
        File.WriteAllText(Path.Combine(job, "save", ".mix.0123.partial.wav"), "half");
        Directory.CreateDirectory(Path.Combine(job, "save", ".synthesis"));
        var again = await _fixture.RunAsync(recipe, []);
        Assert.Equal(StepStatus.Cached, again.Steps[0].Status);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(job, "save"), ".*"));
    }
}
