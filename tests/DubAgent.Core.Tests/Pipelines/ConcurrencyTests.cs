using DubAgent.Core.Pipelines;

namespace DubAgent.Core.Tests.Pipelines;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Independent_steps_run_side_by_side_and_dependent_ones_wait()
    {
        using var fixture = new PipelineFixture();
        var recipe = fixture.Load("""
            name: parallel
            steps:
              - id: left
                tool: rendezvous
                with: { me: left, other: right }
              - id: right
                tool: rendezvous
                with: { me: right, other: left }
              - id: after
                tool: measure
                when: ${{ steps.left.met && steps.right.met }}
                with: { duration: 1 }
            outputs:
              both: ${{ steps.left.met && steps.right.met }}
            """);
        var result = await fixture.RunAsync(recipe, []);
        Assert.True(result.Outputs["both"]!.GetValue<bool>());
        Assert.Equal(StepStatus.Ran, result.Steps[2].Status);
        Assert.Equal(["left", "right"], StepDependencies.Of(recipe)["after"].Order());
    }

    [Fact]
    public async Task Cancellation_stops_the_run_and_leaves_no_record_of_the_unfinished_step()
    {
        using var fixture = new PipelineFixture();
        var recipe = fixture.Load("""
            name: waits
            steps:
              - id: alone
                tool: rendezvous
                with: { me: alone, other: nobody }
            """);
        using var cancel = new CancellationTokenSource();
        var job = Path.Combine(fixture.Directory, "job");
        var run = fixture.Runner.RunAsync(recipe, new PipelineRunRequest(new Dictionary<string, string>(), job), null, cancel.Token);
        while (!File.Exists(Path.Combine(job, "alone.flag"))) await Task.Delay(20);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(File.Exists(Path.Combine(job, "alone", "step.json")));
        Assert.Contains("\"status\": \"cancelled\"", File.ReadAllText(Path.Combine(job, "job.json")));
    }
}
