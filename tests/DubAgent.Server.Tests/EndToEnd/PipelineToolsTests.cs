using DubAgent.Server.Tests.Support;
using ModelContextProtocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>run_pipeline and list_pipelines through the SDK client: a recipe of test tools on generated media.</summary>
public sealed class PipelineToolsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Recipe = """
        name: count-and-probe
        description: Counts, then probes the video.
        inputs:
          video: { type: file, required: true, description: A video. }
        steps:
          - id: count
            tool: count_test
            with:
              steps: 4
              delay_ms: 80
          - id: probe
            tool: probe_test_media
            with:
              input: ${{ inputs.video }}
        outputs:
          duration: ${{ steps.probe.duration }}
        """;

    [Fact]
    public async Task Runs_a_recipe_in_a_job_with_progress_and_reuses_unchanged_steps()
    {
        var media = _temp.Sub("media");
        var video = TestMedia.Video(media);
        var recipe = Path.Combine(media, "count.yaml");
        await File.WriteAllTextAsync(recipe, Recipe);
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));

        var messages = new List<string>();
        var progress = new Collect(messages);
        var run = await connection.Client.CallToolAsync("run_pipeline",
            new Dictionary<string, object?> { ["recipe"] = recipe, ["inputs"] = new Dictionary<string, object?> { ["video"] = video } }, progress);
        Assert.NotEqual(true, run.IsError);
        var result = run.ToolResult();
        Assert.InRange(result.GetProperty("outputs").GetProperty("duration").GetDouble(), 1.9, 2.2);
        Assert.Equal(["ran", "ran"], result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        await Eventually.WaitAsync(() =>
        {
            lock (messages) return messages.Any(m => m.StartsWith("probe:", StringComparison.Ordinal));
        });
        lock (messages)
        {
            Assert.Contains(messages, m => m.StartsWith("count: step", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("probe:", StringComparison.Ordinal));
        }

        var job = run.JobId();
        Assert.True(File.Exists(Path.Combine(_temp.Path, "jobs", job, "probe", "probe.json")));
        var again = await connection.Client.CallToolAsync("run_pipeline",
            new Dictionary<string, object?> { ["recipe"] = recipe, ["job"] = job, ["inputs"] = new Dictionary<string, object?> { ["video"] = video } });
        Assert.Equal(["cached", "cached"], again.ToolResult().GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Refuses_inputs_and_recipes_outside_the_roots_and_unknown_recipes()
    {
        var outside = _temp.Sub("outside");
        var video = TestMedia.Video(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "r.yaml"), Recipe);
        var media = _temp.Sub("media");
        await File.WriteAllTextAsync(Path.Combine(media, "count.yaml"), Recipe);
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));

        var input = await connection.Client.CallToolAsync("run_pipeline", new Dictionary<string, object?>
        {
            ["recipe"] = Path.Combine(media, "count.yaml"), ["inputs"] = new Dictionary<string, object?> { ["video"] = video },
        });
        Assert.True(input.IsError);
        Assert.Contains("inputs.video", input.Text());
        Assert.Contains("outside the folders", input.Text());

        var recipe = await connection.Client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["recipe"] = Path.Combine(outside, "r.yaml") });
        Assert.True(recipe.IsError);
        Assert.Contains("outside the folders", recipe.Text());

        var unknown = await connection.Client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["recipe"] = "no-such-recipe" });
        Assert.True(unknown.IsError);
        Assert.Contains("no-such-recipe", unknown.Text());
    }

    [Fact]
    public async Task Lists_the_shipped_recipes_with_their_inputs()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var list = await connection.Client.CallToolAsync("list_pipelines", new Dictionary<string, object?>());
        Assert.NotEqual(true, list.IsError);
        var recipes = list.StructuredContent!.Value.GetProperty("recipes").EnumerateArray().ToList();
        var transcribe = Assert.Single(recipes, r => r.GetProperty("name").GetString() == "transcribe");
        Assert.Contains(transcribe.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "video" && i.GetProperty("required").GetBoolean());
    }

    private sealed class Collect(List<string> into) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (into) into.Add(value.Message ?? "");
        }
    }
}
