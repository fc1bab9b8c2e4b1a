using DubAgent.Abstractions.Tools;
using DubAgent.Core.Calls;
using DubAgent.Core.Tests.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Core.Tests.Calls;

/// <summary>The one call pipeline: a recorded call writes its step record, reuses unchanged work, and hands provenance on in memory.</summary>
public sealed class ToolCallPipelineTests : IDisposable
{
    private readonly PipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private IToolCall Calls => _fixture.Services.GetRequiredService<IToolCall>();

    private ToolCallRequest Copy(string input, RecordedStep? step, string jobDirectory)
    {
        var invoker = _fixture.Services.GetRequiredService<ToolInvoker>();
        var tool = invoker.Require("copy_file");
        var context = new ToolContext
        {
            WorkDirectory = Path.Combine(jobDirectory, step?.Id ?? "copy"),
            JobDirectory = jobDirectory,
            Services = _fixture.Services,
        };
        return new ToolCallRequest(tool, new CopyArgs { Input = input }, context) { Step = step };
    }

    [Fact]
    public async Task A_recorded_call_writes_its_record_then_reuses_it_while_nothing_changed()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        var job = Path.Combine(_fixture.Directory, "job");
        var step = RecordedStep.InJob(job, "copy", reuse: true);

        var first = await Calls.InvokeAsync(Copy(source, step, job), CancellationToken.None);
        var again = await Calls.InvokeAsync(Copy(source, step, job), CancellationToken.None);
        File.WriteAllText(source, "changed");
        var third = await Calls.InvokeAsync(Copy(source, step, job), CancellationToken.None);

        Assert.False(first.Reused);
        Assert.True(again.Reused);
        Assert.Equal(first.Record!.CacheKey, again.Record!.CacheKey);
        Assert.False(third.Reused);
        Assert.NotEqual(first.Record.CacheKey, third.Record!.CacheKey);
        Assert.Equal(["copy", "copy"], RunLog.Read(job));
        Assert.Equal(third.Record.CacheKey, JobWorkspace.ReadRecordIn(Path.Combine(job, "copy"))!.CacheKey);
    }

    [Fact]
    public async Task A_later_call_gets_the_jobs_provenance_in_memory_and_a_single_call_gets_the_folders_records()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        var job = Path.Combine(_fixture.Directory, "job");
        var history = new JobHistory("demo-recipe", "/recipes/demo.yaml");
        var step = new RecordedStep(new JobWorkspace(job), "first", history);
        await Calls.InvokeAsync(Copy(source, step, job), CancellationToken.None);

        var later = Copy(source, new RecordedStep(step.Workspace, "second", history), job);
        await Calls.InvokeAsync(later, CancellationToken.None);
        Assert.Same(history, later.Context.Provenance);
        Assert.Equal(["first", "second"], history.Calls.Select(c => c.Step));

        // A single call into the same job (as MCP makes it): the folder's step records, read when asked.
        var single = Copy(source, null, job);
        await Calls.InvokeAsync(single, CancellationToken.None);
        Assert.Equal(["first", "second"], single.Context.Provenance!.Calls.Select(c => c.Step));
        Assert.All(single.Context.Provenance.Calls, c => Assert.Equal("copy_file", c.Tool));
    }
}
