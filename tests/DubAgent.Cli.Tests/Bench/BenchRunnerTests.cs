using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Bench;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Tests.Bench;

public sealed class BenchRunnerTests
{
    [Fact]
    public async Task A_failing_stage_becomes_a_row_that_says_why()
    {
        var rows = await BenchRunner.RunStageAsync(new FailingStage(), Context());
        var row = Assert.Single(rows);
        Assert.Equal("broken", row.Stage);
        Assert.Null(row.RealTimeFactor);
        Assert.Equal("failed: Engine 'x' (separate) is not available: missing (pip install x)", row.Note);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_row()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() => BenchRunner.RunStageAsync(new CancelledStage(), Context()));
    }

    private static BenchContext Context() => new()
    {
        DemoVideo = "demo.mp4",
        TruthDirectory = "truth",
        Services = new ServiceCollection().BuildServiceProvider(),
        WorkDirectory = Path.GetTempPath(),
    };

    private sealed class FailingStage : IBenchStage
    {
        public string Stage => "broken";
        public int Order => 1;
        public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context) =>
            throw new EngineUnavailableException("x", "separate", "missing", "pip install x");
    }

    private sealed class CancelledStage : IBenchStage
    {
        public string Stage => "cancelled";
        public int Order => 2;
        public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context) => throw new OperationCanceledException();
    }
}
