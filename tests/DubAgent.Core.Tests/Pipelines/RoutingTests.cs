using DubAgent.Abstractions.Errors;
using DubAgent.Core.Pipelines;

namespace DubAgent.Core.Tests.Pipelines;

public sealed class RoutingTests
{
    // The issue's own example, flow mappings and all.
    private const string Recipe = """
        name: route
        inputs:
          duration: { type: number, required: true }
          budget:   { type: string, enum: [low, standard], default: standard }
          content:  { type: string, enum: [auto, dialogue, cinematic], default: auto }
        steps:
          - id: probe
            tool: measure
            with: { duration: ${{ inputs.duration }}, content: ${{ inputs.content }} }
          - id: separate
            tool: write_number
            with: { text: ${{ steps.probe.content }} }
            engine:
              route:
                - when: ${{ steps.probe.duration < 300 && inputs.budget == 'low' }}
                  use: ffmpeg
                - when: ${{ steps.probe.content == 'dialogue' }}
                  use: uvr
                - use: demucs
              fallback: [dsp]
        outputs:
          engine: ${{ steps.separate.engine }}
        """;

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var duration in new[] { "299.9", "300", "300.1" })
        foreach (var budget in new[] { "low", "standard" })
        foreach (var content in new[] { "auto", "dialogue", "cinematic" })
        {
            var expected = double.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) < 300 && budget == "low" ? "ffmpeg"
                : content == "dialogue" ? "uvr"
                : "demucs";
            data.Add(duration, budget, content, expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_picks_the_first_matching_engine(string duration, string budget, string content, string expected)
    {
        using var fixture = new PipelineFixture();
        var result = await fixture.RunAsync(fixture.Load(Recipe), new() { ["duration"] = duration, ["budget"] = budget, ["content"] = content });
        var separate = result.Steps.Single(s => s.Step == "separate");
        Assert.Equal(expected, separate.EngineRan);
        Assert.Equal(expected, result.Outputs["engine"]!.GetValue<string>());
        Assert.DoesNotContain(separate.Notes, n => n.StartsWith("fell back"));
    }

    [Fact]
    public async Task Missing_routed_engine_falls_back_and_says_so_with_the_install_hint()
    {
        using var fixture = new PipelineFixture("uvr");
        var result = await fixture.RunAsync(fixture.Load(Recipe), new() { ["duration"] = "600", ["content"] = "dialogue" });
        var separate = result.Steps.Single(s => s.Step == "separate");
        Assert.Equal("uvr", separate.EngineAsked);
        Assert.Equal("dsp", separate.EngineRan);
        Assert.Contains("route 2", separate.EngineReason);
        Assert.Contains("fell back to dsp because uvr is not available", separate.EngineReason);
        Assert.Contains("pip install uvr", separate.EngineReason);
        var record = File.ReadAllText(Path.Combine(result.JobDirectory, "separate", "step.json"));
        Assert.Contains("\"engine_asked\": \"uvr\"", record);
        Assert.Contains("\"engine_ran\": \"dsp\"", record);
        Assert.Contains("pip install uvr", record);
    }

    [Fact]
    public async Task No_runnable_engine_names_every_one_with_its_hint()
    {
        using var fixture = new PipelineFixture("demucs", "dsp");
        var e = await Assert.ThrowsAsync<PipelineException>(() =>
            fixture.RunAsync(fixture.Load(Recipe), new() { ["duration"] = "600", ["content"] = "cinematic" }));
        Assert.Contains("demucs is not available", e.Message);
        Assert.Contains("pip install demucs", e.Message);
        Assert.Contains("dsp is not available", e.Message);
        Assert.Contains("pip install dsp", e.Message);
        Assert.Equal(14, e.Line);
    }

    [Fact]
    public async Task A_false_when_skips_the_step_and_its_results_read_as_null()
    {
        using var fixture = new PipelineFixture();
        var recipe = fixture.Load("""
            name: skip
            inputs:
              go: { type: boolean, default: false }
            steps:
              - id: maybe
                tool: measure
                when: ${{ inputs.go }}
                with:
                  duration: 5
              - id: after
                tool: write_number
                with:
                  text: done
            outputs:
              duration: ${{ steps.maybe.duration }}
            """);
        var result = await fixture.RunAsync(recipe, []);
        Assert.Equal(StepStatus.Skipped, result.Steps[0].Status);
        Assert.Equal(StepStatus.Ran, result.Steps[1].Status);
        Assert.Null(result.Outputs["duration"]);
        Assert.False(Directory.Exists(Path.Combine(result.JobDirectory, "maybe")));
    }
}

public sealed class RunTimeExpressionErrorTests
{
    [Fact]
    public async Task A_run_time_expression_error_points_at_its_own_expression()
    {
        using var fixture = new PipelineFixture();
        var recipe = fixture.Load("""
            name: late
            inputs:
              go: { type: boolean, default: false }
            steps:
              - id: maybe
                tool: measure
                when: ${{ inputs.go }}
                with: { duration: 5 }
              - id: after
                tool: write_number
                with:
                  text: fixed
                  repeat: ${{ 2 }}
                  upper: ${{ steps.maybe.duration < 10 }}
            """);
        var e = await Assert.ThrowsAsync<DubAgent.Abstractions.Errors.PipelineException>(() => fixture.RunAsync(recipe, []));
        Assert.Contains("Cannot order null and the number 10", e.Message);
        Assert.Equal((14, 39), (e.Line, e.Column));
    }
}
