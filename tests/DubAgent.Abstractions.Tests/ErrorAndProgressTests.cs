using DubAgent.Abstractions.Errors;

namespace DubAgent.Abstractions.Tests;

public class ErrorAndProgressTests
{
    [Fact]
    public void Pipeline_errors_name_the_file_line_and_column()
    {
        var error = new PipelineException("Unknown tool 'separate'.", "pipelines/dub.yaml", 12, 11, "Known tools: separate_audio.");

        Assert.Equal("pipelines/dub.yaml:12:11: Unknown tool 'separate'.", error.Message);
        Assert.Equal("pipeline", error.Kind);
        Assert.Equal("Known tools: separate_audio.", error.Hint);
        Assert.Equal("pipelines/dub.yaml: no steps", new PipelineException("no steps", "pipelines/dub.yaml").Message);
    }

    [Fact]
    public void An_unavailable_engine_says_which_and_how_to_install_it()
    {
        var error = new EngineUnavailableException("demucs", "separate", "not on PATH", "pip install demucs");

        Assert.Contains("'demucs'", error.Message);
        Assert.Contains("not on PATH", error.Message);
        Assert.Equal("pip install demucs", error.Hint);
        Assert.Equal("engine_unavailable", error.Kind);
    }

    [Theory]
    [InlineData(5, 10, 0.5)]
    [InlineData(15, 10, 1.0)]
    [InlineData(-1, 10, 0.0)]
    public void Progress_is_a_clamped_fraction(double done, double total, double expected)
    {
        Assert.Equal(expected, ProgressUpdate.Of(done, total).Fraction);
    }

    [Fact]
    public void Progress_of_an_unknown_total_has_no_fraction()
    {
        Assert.Null(ProgressUpdate.Of(5, 0, "working").Fraction);
    }
}
