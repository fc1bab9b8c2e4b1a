using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The pipeline runner's own cost: a three-step recipe on the demo video (analyze, plain extraction, subtitles from the
/// demo's true transcript) run once, then re-run fully cached three times; the row is the median cached re-run
/// (validation, engine checks, hashing, cache lookups) as a real-time factor of the demo's length.
/// </summary>
public sealed class PipelineBench : IBenchStage
{
    private const string Recipe = """
        name: bench-cached
        inputs:
          video: { type: file, required: true }
          transcript: { type: file, required: true }
        steps:
          - id: probe
            tool: analyze_media
            with: { input: ${{ inputs.video }}, loudness: false }
          - id: separate
            tool: separate_audio
            with: { input: ${{ inputs.video }} }
            engine: ffmpeg
          - id: subtitles
            tool: write_subtitles
            with: { input: ${{ inputs.transcript }} }
        outputs:
          duration: ${{ steps.probe.duration_seconds }}
        """;

    public string Stage => "pipeline";

    public int Order => 95;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var (recipe, problems) = RecipeLoader.Parse(Recipe, "bench-cached.yaml");
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        var runner = context.Services.GetRequiredService<PipelineRunner>();
        var request = new PipelineRunRequest(new Dictionary<string, string>
        {
            ["video"] = context.DemoVideo,
            ["transcript"] = Path.Combine(context.TruthDirectory, "transcript.json"),
        }, Path.Combine(context.WorkDirectory, "pipeline-job"));

        var clock = Stopwatch.StartNew();
        var first = await runner.RunAsync(recipe, request, null, context.CancellationToken).ConfigureAwait(false);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        var cached = new List<double>();
        var hits = 0;
        for (var i = 0; i < 3; i++)
        {
            clock.Restart();
            var again = await runner.RunAsync(recipe, request, null, context.CancellationToken).ConfigureAwait(false);
            cached.Add(clock.Elapsed.TotalSeconds);
            hits = again.Steps.Count(s => s.CacheHit);
        }
        cached.Sort();
        var median = cached[1];
        var duration = first.Outputs["duration"]?.Deserialize<double>() ?? 0;
        var steps = recipe.Steps.Count;
        return
        [
            new BenchRow("pipeline", "cached re-run", duration > 0 ? median / duration : null,
                $"{hits}/{steps} steps cached, {median.ToString("0.000", CultureInfo.InvariantCulture)} s (first run {firstSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)",
                new Dictionary<string, double>
                {
                    ["cached_run_seconds"] = median,
                    ["first_run_seconds"] = firstSeconds,
                    ["steps_cached"] = hits,
                    ["steps"] = steps,
                }),
        ];
    }
}
