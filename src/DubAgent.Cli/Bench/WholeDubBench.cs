using System.Diagnostics;
using System.Globalization;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The whole shipped `dub` recipe on the demo video into Spanish, uncached (a new job folder), with the engines that run
/// here: wall seconds and CPU seconds (this process and its programs) per media second. CPU RTF above wall RTF means
/// more than one core was busy.
/// </summary>
public sealed class WholeDubBench : IBenchStage
{
    public string Stage => "dub";

    public int Order => 97;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var catalog = context.Services.GetRequiredService<RecipeCatalog>();
        var (recipe, problems) = RecipeLoader.LoadFile(catalog.Resolve("dub") ?? throw new InvalidOperationException("The shipped recipe 'dub' is missing."));
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        var request = new PipelineRunRequest(new Dictionary<string, string>
        {
            ["video"] = context.DemoVideo,
            ["target_language"] = "es",
        }, Path.Combine(context.WorkDirectory, $"dub-{Guid.NewGuid():N}"));

        var cpuBefore = ProcessCpuTime.Seconds();
        var clock = Stopwatch.StartNew();
        var result = await context.Services.GetRequiredService<PipelineRunner>().RunAsync(recipe, request, null, context.CancellationToken)
            .ConfigureAwait(false);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ProcessCpuTime.Seconds() - cpuBefore;
        var media = result.Steps.FirstOrDefault(s => s.Step == "probe")?.Result is { } probe && probe.TryGetProperty("duration_seconds", out var d)
            ? d.GetDouble()
            : 0;
        var engines = string.Join(", ", result.Steps.Where(s => s.EngineRan is not null).Select(s => $"{s.Step}={s.EngineRan}"));
        var text = (double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
        return
        [
            new BenchRow("dub", "whole recipe, uncached", media > 0 ? wall / media : null,
                $"wall {text(wall)} s, CPU {text(cpu)} s for {text(media)} s (CPU RTF {(media > 0 ? text(cpu / media) : "-")}, {text(cpu / wall)} cores busy)",
                new Dictionary<string, double>
                {
                    ["wall_seconds"] = wall,
                    ["cpu_seconds"] = cpu,
                    ["media_seconds"] = media,
                    ["wall_rtf"] = media > 0 ? wall / media : 0,
                    ["cpu_rtf"] = media > 0 ? cpu / media : 0,
                    ["steps_cached"] = result.Steps.Count(s => s.CacheHit),
                }, engines),
        ];
    }
}
