using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Pipelines;

namespace DubAgent.Core.Tests.Pipelines;

public sealed class CacheTests : IDisposable
{
    private const string Recipe = """
        name: chain
        inputs:
          source: { type: file, required: true }
          suffix: { type: string, default: "!" }
          gate:   { type: string, default: "" }
        steps:
          - id: first
            tool: copy_file
            with:
              input: ${{ inputs.source }}
          - id: second
            tool: copy_file
            with:
              input: ${{ steps.first.output }}
              suffix: ${{ inputs.suffix }}
              gate: ${{ inputs.gate }}
          - id: side
            tool: measure
            with:
              duration: 12
        outputs:
          final: ${{ steps.second.output }}
        """;

    private readonly PipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private Task<PipelineRunResult> Run(Dictionary<string, string> inputs, params string[] force) =>
        _fixture.RunAsync(_fixture.Load(Recipe), inputs, "job", force);

    private string Job => Path.Combine(_fixture.Directory, "job");

    [Fact]
    public async Task Unchanged_rerun_is_all_cache_hits_and_a_changed_argument_reruns_only_what_reads_it()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        var first = await Run(new() { ["source"] = source });
        Assert.All(first.Steps, s => Assert.Equal(StepStatus.Ran, s.Status));
        Assert.Equal("hello!", File.ReadAllText(first.Outputs["final"]!.GetValue<string>()));
        Assert.Equal(["first", "second", "side"], RunLog.Read(Job).Order());

        var again = await Run(new() { ["source"] = source });
        Assert.All(again.Steps, s => Assert.True(s.CacheHit, s.Step));
        Assert.Equal(3, RunLog.Read(Job).Count);
        Assert.Equal(first.Outputs.ToJsonString(), again.Outputs.ToJsonString());

        var changed = await Run(new() { ["source"] = source, ["suffix"] = "?" });
        Assert.Equal([StepStatus.Cached, StepStatus.Ran, StepStatus.Cached], changed.Steps.Select(s => s.Status));
        Assert.Equal("hello?", File.ReadAllText(changed.Outputs["final"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Changed_input_content_is_a_miss_even_with_the_same_path()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        await Run(new() { ["source"] = source });
        File.WriteAllText(source, "other text");
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));
        var rerun = await Run(new() { ["source"] = source });
        Assert.Equal([StepStatus.Ran, StepStatus.Ran, StepStatus.Cached], rerun.Steps.Select(s => s.Status));
        Assert.Equal("other text!", File.ReadAllText(rerun.Outputs["final"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Force_reruns_the_step_and_its_dependents_only()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        await Run(new() { ["source"] = source });
        var forced = await Run(new() { ["source"] = source }, "first");
        Assert.Equal([StepStatus.Ran, StepStatus.Ran, StepStatus.Cached], forced.Steps.Select(s => s.Status));
        await Assert.ThrowsAsync<InputException>(() => Run(new() { ["source"] = source }, "nope"));
    }

    [Fact]
    public async Task A_failed_job_resumes_from_the_step_that_did_not_finish()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        var gate = Path.Combine(_fixture.Directory, "gate");
        var e = await Assert.ThrowsAsync<PipelineException>(() => Run(new() { ["source"] = source, ["gate"] = gate }));
        Assert.Contains("Step 'second' (copy_file) failed", e.Message);
        Assert.Equal(11, e.Line);
        Assert.False(File.Exists(Path.Combine(Job, "second", "step.json")));
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(Job, "job.json")));

        File.WriteAllText(gate, "open");
        var resumed = await Run(new() { ["source"] = source, ["gate"] = gate });
        Assert.Equal(StepStatus.Cached, resumed.Steps[0].Status);
        Assert.Equal(StepStatus.Ran, resumed.Steps[1].Status);
        Assert.Equal(1, RunLog.Read(Job).Count(l => l == "first"));
        Assert.Contains("\"status\": \"completed\"", File.ReadAllText(Path.Combine(Job, "job.json")));
    }

    [Fact]
    public async Task Step_record_holds_tool_engine_arguments_hashes_times_and_rtf()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        await Run(new() { ["source"] = source });
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(Job, "first", "step.json")));
        var root = record.RootElement;
        Assert.Equal("copy_file", root.GetProperty("tool").GetString());
        Assert.Equal(source, root.GetProperty("arguments").GetProperty("input").GetString());
        Assert.StartsWith("sha256:2cf24dba", root.GetProperty("input_hashes").GetProperty(source).GetString());
        Assert.True(root.GetProperty("ended").GetDateTimeOffset() >= root.GetProperty("started").GetDateTimeOffset());
        Assert.EndsWith("copy.txt", root.GetProperty("result").GetProperty("output").GetString());
    }

    [Fact]
    public async Task A_deleted_output_makes_the_step_run_again()
    {
        var source = _fixture.WriteFile("in.txt", "hello");
        var first = await Run(new() { ["source"] = source });
        File.Delete(first.Outputs["final"]!.GetValue<string>());
        var again = await Run(new() { ["source"] = source });
        Assert.Equal([StepStatus.Cached, StepStatus.Ran, StepStatus.Cached], again.Steps.Select(s => s.Status));
    }
}
