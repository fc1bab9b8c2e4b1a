using DubAgent.Abstractions.Errors;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Jobs;

public sealed class JobStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Steps_get_their_own_folders_and_jobs_reopen_from_disk()
    {
        var store = new JobStore(_temp.Sub("jobs"));
        var job = store.Create();
        Assert.Equal("translate", job.AddStep("translate").Name);
        Assert.Equal("translate-2", job.AddStep("translate").Name);
        Assert.Equal("a_b", job.AddStep("a/b").Name);

        var later = new JobStore(store.Directory).Open(job.Id);
        Assert.Equal(3, later.Steps.Count);
        Assert.All(later.Steps, s => Assert.Equal(JobStepStatus.Earlier, s.Status));
        Assert.Equal(job.Id, new JobStore(store.Directory).RecentIds(1)[0]);
    }

    private static readonly System.Text.Json.JsonElement Empty = System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone();

    [Fact]
    public void A_recipe_job_whose_process_died_reads_as_interrupted_with_its_finished_and_unfinished_steps()
    {
        var store = new JobStore(_temp.Sub("jobs"));
        var job = store.Create();
        // What a killed `run_pipeline` leaves: job.json "running", a finished step with its record, an unfinished one.
        var record = new Core.Workspace.JobRecord { Recipe = "dub", Status = "running", Steps = ["analyze", "separate"] };
        File.WriteAllText(Path.Combine(job.Directory, "job.json"),
            System.Text.Json.JsonSerializer.Serialize(record, Abstractions.DubAgentJson.Options));
        Directory.CreateDirectory(Path.Combine(job.Directory, "analyze"));
        File.WriteAllText(Path.Combine(job.Directory, "analyze", "step.json"),
            System.Text.Json.JsonSerializer.Serialize(new Core.Workspace.StepRecord { Step = "analyze", Tool = "analyze_media", EngineRan = "ffmpeg", Arguments = Empty, Result = Empty },
                Abstractions.DubAgentJson.Options));
        Directory.CreateDirectory(Path.Combine(job.Directory, "separate"));

        var later = new JobStore(store.Directory).Open(job.Id);
        Assert.Equal("interrupted", later.Status);
        Assert.Equal(JobStepStatus.Succeeded, later.Steps.Single(s => s.Name == "analyze").Status);
        Assert.Equal("analyze_media", later.Steps.Single(s => s.Name == "analyze").Tool);
        Assert.Equal(JobStepStatus.Interrupted, later.Steps.Single(s => s.Name == "separate").Status);
        Assert.Equal("analyze", Core.Workspace.JobStatus.Read(job.Directory)!.LastCompletedStep);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("nope")]
    [InlineData("")]
    public void Unknown_or_malformed_ids_are_input_errors(string id)
    {
        var store = new JobStore(_temp.Sub("jobs"));
        var e = Assert.Throws<InputException>(() => store.Open(id));
        Assert.Contains($"Unknown job '{id}'", e.Message);
    }

    [Fact]
    public void Artifact_addresses_round_trip_and_cannot_leave_their_job()
    {
        var store = new JobStore(_temp.Sub("jobs"));
        var job = store.Create();
        var step = job.AddStep("transcribe");
        File.WriteAllText(Path.Combine(step.Directory, "transcript file.json"), "{}");
        File.WriteAllText(Path.Combine(_temp.Path, "secret.txt"), "x");
        var catalog = new ArtifactCatalog(store);

        var artifact = Assert.Single(catalog.OfJob(job));
        Assert.Equal($"dubagent://jobs/{job.Id}/transcribe/transcript%20file.json", artifact.Uri);
        Assert.True(ArtifactUri.TryParse(artifact.Uri, out var id, out var segments));
        Assert.Equal(artifact.FullPath, catalog.Resolve(id, segments));

        Assert.True(ArtifactUri.TryParse($"dubagent://jobs/{job.Id}/../../secret.txt", out id, out segments));
        Assert.Null(catalog.Resolve(id, segments));
        Assert.True(ArtifactUri.TryParse($"dubagent://jobs/{job.Id}/transcribe/..%2F..%2F..%2Fsecret.txt", out id, out segments));
        Assert.Null(catalog.Resolve(id, segments));
        Assert.False(ArtifactUri.TryParse("file:///etc/passwd", out _, out _));
    }
}
