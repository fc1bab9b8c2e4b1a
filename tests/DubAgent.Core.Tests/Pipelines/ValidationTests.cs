using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Tests.Pipelines;

/// <summary>Every validation error names file, line and column; each case breaks one thing of a good recipe.</summary>
public sealed class ValidationTests : IDisposable
{
    private const string Good = """
        name: good
        inputs:
          video: { type: file, required: true }
          budget: { type: string, enum: [low, standard], default: standard }
          seconds: { type: number, default: 30 }
        steps:
          - id: probe
            tool: measure
            with:
              duration: ${{ inputs.seconds }}
          - id: separate
            tool: write_number
            with:
              text: ${{ inputs.video }}
              repeat: 2
            engine:
              route:
                - when: ${{ steps.probe.duration < 300 && inputs.budget == 'low' }}
                  use: ffmpeg
                - use: demucs
              fallback: [dsp]
        outputs:
          path: ${{ steps.separate.output_path }}
        """;

    private readonly PipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_good_recipe_has_no_problems() => Assert.Empty(_fixture.Problems(Good));

    [Theory]
    [InlineData("tool: write_number", "tool: write_numbers", 12, 11, "Unknown tool 'write_numbers'")]
    [InlineData("use: demucs", "use: demux", 20, 16, "Unknown separate engine 'demux'")]
    [InlineData("fallback: [dsp]", "fallback: [dsp, spleeter]", 21, 23, "Unknown separate engine 'spleeter'")]
    [InlineData("${{ steps.separate.output_path }}", "${{ steps.mix.output_path }}", 23, 13, "there is no step 'mix'")]
    [InlineData("duration: ${{ inputs.seconds }}", "duration: ${{ steps.separate.length }}", 10, 21, "step 'separate' comes later")]
    [InlineData("duration: ${{ inputs.seconds }}", "duration: ${{ steps.probe.duration }}", 10, 21, "reads its own step's result")]
    [InlineData("${{ steps.probe.duration < 300", "${{ steps.probe.durration < 300", 18, 21, "has no field 'durration'")]
    [InlineData("${{ steps.probe.duration < 300", "${{ steps.probe.duration < '300'", 18, 42, "Cannot order number and string")]
    [InlineData("inputs.budget == 'low'", "inputs.budgets == 'low'", 18, 51, "no input 'budgets'")]
    [InlineData("inputs.budget == 'low'", "inputs.budget = 'low'", 18, 65, "compare with '=='")]
    [InlineData("duration: ${{ inputs.seconds }}", "duration: ${{ inputs.seconds ", 10, 17, "no closing '}}'")]
    [InlineData("duration: ${{ inputs.seconds }}", "duration: ${{ (inputs.seconds }}", 10, 37, "A '(' is not closed")]
    [InlineData("repeat: 2", "repeat: many", 15, 15, "'repeat' of 'write_number' must be a whole number")]
    [InlineData("repeat: 2", "repeats: 2", 15, 7, "'write_number' has no argument 'repeats'")]
    [InlineData("default: standard", "default: premium", 4, 59, "The default 'premium' of input 'budget' is not allowed")]
    [InlineData("seconds: { type: number, default: 30 }", "seconds: { type: number, default: soon }", 5, 37, "not a finite number")]
    [InlineData("seconds: { type: number", "seconds: { type: float", 5, 20, "unknown type 'float'")]
    [InlineData("    with:\n      duration", "    wiht:\n      duration", 9, 5, "Unknown key 'wiht'")]
    [InlineData("  - id: separate", "  - id: probe", 11, 9, "Two steps have the id 'probe'")]
    [InlineData("    with:\n      text:", "    with:\n      txt:", 11, 9, "does not give 'text'")]
    public void Each_problem_names_its_line_and_column(string from, string to, int line, int column, string message)
    {
        Assert.Contains(from, Good);
        var problems = _fixture.Problems(Good.Replace(from, to));
        var problem = Assert.Single(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", problem.File);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", problem.ToString());
    }

    [Fact]
    public void Missing_required_input_and_wrong_values_point_at_the_declaration()
    {
        var recipe = _fixture.Load(Good);
        var missing = _fixture.Validator.Validate(recipe, new Dictionary<string, string>());
        var problem = Assert.Single(missing);
        Assert.Equal((3, 3), (problem.Line, problem.Column));
        Assert.Contains("required input 'video' was not given", problem.Message);

        var video = _fixture.WriteFile("v.mp4", "x");
        var wrong = _fixture.Validator.Validate(recipe, new Dictionary<string, string>
        {
            ["video"] = video, ["budget"] = "huge", ["seconds"] = "ten", ["colour"] = "red",
        });
        Assert.Contains(wrong, p => p.Message.Contains("'huge' of input 'budget' is not allowed") && p.Line == 4 && p.Column == 3);
        Assert.Contains(wrong, p => p.Message.Contains("'ten' of input 'seconds' is not a finite number") && p.Line == 5 && p.Column == 3);
        Assert.Contains(wrong, p => p.Message.Contains("has no input 'colour'"));

        var infinite = _fixture.Validator.Validate(recipe, new Dictionary<string, string> { ["video"] = video, ["seconds"] = "NaN" });
        Assert.Contains(infinite, p => p.Message.Contains("'NaN' of input 'seconds' is not a finite number"));
    }

    [Fact]
    public async Task Nothing_runs_when_the_recipe_is_invalid()
    {
        var recipe = _fixture.Load(Good.Replace("use: demucs", "use: demux"));
        var video = _fixture.WriteFile("v.mp4", "x");
        var e = await Assert.ThrowsAsync<PipelineException>(() => _fixture.RunAsync(recipe, new() { ["video"] = video }));
        Assert.Equal((20, 16), (e.Line, e.Column));
        Assert.StartsWith("test.yaml:20:16: Unknown separate engine 'demux'", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_fixture.Directory, "job")));
    }

    [Fact]
    public void Yaml_syntax_errors_have_a_position()
    {
        var problem = Assert.Single(_fixture.Problems("name: x\nsteps:\n  - id: a\n   tool: b\n"));
        Assert.Contains("YAML syntax", problem.Message);
        Assert.Equal(4, problem.Line);
    }
}
