using System.Text.Json;
using DubAgent.Cli.Bench;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Bench;

[Collection(DemoCollection.Name)]
public sealed class BenchCommandTests(DemoFixture demo)
{
    [Fact]
    public void Stages_are_found_by_reflection_in_scoreboard_order()
    {
        var stages = BenchRunner.DiscoverStages();
        Assert.Contains(stages, s => s is ExtractionBench);
        Assert.Equal(stages.OrderBy(s => s.Order).Select(s => s.Order), stages.Select(s => s.Order));
    }

    [Fact]
    public async Task The_extraction_row_is_sample_exact_and_close_to_the_truth_mix()
    {
        var run = await CliRun.InProcessAsync("bench", "--json", "--stage", "extract", "--config", $"Bench:DemoDirectory={demo.Media.Directory}");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal("extract", row.GetProperty("stage").GetString());
            Assert.Equal("ffmpeg", row.GetProperty("engine").GetString());
            Assert.True(row.GetProperty("real_time_factor").GetDouble() > 0);
            var figures = row.GetProperty("figures");
            Assert.Equal(0, figures.GetProperty("length_error_samples").GetDouble());
            Assert.Equal(60, figures.GetProperty("media_seconds").GetDouble(), 2);
        });
        Assert.True(rows[1].GetProperty("figures").GetProperty("snr_vs_truth_mix_db").GetDouble() > 10);
    }

    [Fact]
    public async Task People_get_a_table()
    {
        var run = await CliRun.InProcessAsync("bench", "--stage", "extract", "--config", $"Bench:DemoDirectory={demo.Media.Directory}");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RTF", run.Stdout);
        Assert.Contains("length off by 0 samples", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_stage_lists_the_known_ones()
    {
        var run = await CliRun.InProcessAsync("bench", "--stage", "teleport", "--config", $"Bench:DemoDirectory={demo.Media.Directory}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown bench stage 'teleport'", run.Stderr);
        Assert.Contains("extract", run.Stderr);
    }

    [Fact]
    public async Task The_help_lists_every_stage_the_bench_knows()
    {
        var run = await CliRun.InProcessAsync("bench", "--help");
        Assert.Equal(0, run.ExitCode);
        var help = string.Join(' ', run.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var stage in BenchRunner.DiscoverStages().Select(s => s.Stage))
            Assert.Matches($@"[:,] {stage}[,.]", help);
        Assert.Contains("live", BenchRunner.StageNames());
    }
}
