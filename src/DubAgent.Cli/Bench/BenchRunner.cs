using System.Reflection;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// Runs the scoreboard: every <see cref="IBenchStage"/> of this assembly, in order, on the demo media (made once and
/// cached). A stage that fails gives a row saying why instead of stopping the others.
/// </summary>
public sealed class BenchRunner(IServiceProvider services, IConfiguration configuration)
{
    /// <summary>Every stage class of the CLI assembly (public, parameterless constructor), in scoreboard order.</summary>
    public static IReadOnlyList<IBenchStage> DiscoverStages(Assembly? assembly = null) =>
        (assembly ?? typeof(IBenchStage).Assembly).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchStage).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IBenchStage)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order).ThenBy(s => s.Stage, StringComparer.Ordinal)
            .ToList();

    /// <summary>The stage names `--stage` takes, in scoreboard order (several classes may share one name).</summary>
    public static IReadOnlyList<string> StageNames() => DiscoverStages().Select(s => s.Stage).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Where the bench keeps its demo: Bench:DemoDirectory, else ~/.cache/dubagent/bench-demo.</summary>
    public string DemoDirectory => BenchOptions.From(configuration).DemoDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(CacheHome(), "dubagent", "bench-demo");

    public async Task<IReadOnlyList<BenchRow>> RunAsync(IReadOnlyCollection<string> stageNames, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var stages = DiscoverStages();
        if (stageNames.Count > 0)
        {
            var unknown = stageNames.Where(n => !stages.Any(s => s.Stage.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
                throw new InputException($"Unknown bench stage '{string.Join("', '", unknown)}'.",
                    $"Use one of: {string.Join(", ", StageNames())}.");
            stages = stages.Where(s => stageNames.Contains(s.Stage, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        var generator = ActivatorUtilities.CreateInstance<DemoGenerator>(services);
        var demo = await generator.EnsureAsync(DemoDirectory, new ProgressSlice(progress, 0, 0.3, "making the demo media"), cancellationToken)
            .ConfigureAwait(false);
        var work = Directory.CreateTempSubdirectory("dubagent-bench-");
        var rows = new List<BenchRow>();
        try
        {
            for (var i = 0; i < stages.Count; i++)
            {
                var stage = stages[i];
                progress?.Report(new ProgressUpdate(0.3 + 0.7 * i / stages.Count, $"bench: {stage.Stage}"));
                var stageWork = Directory.CreateDirectory(Path.Combine(work.FullName, $"{i:D2}-{stage.Stage}")).FullName;
                rows.AddRange(await RunStageAsync(stage, new BenchContext
                {
                    DemoVideo = demo.Video,
                    TruthDirectory = demo.TruthDirectory,
                    SharedDataDirectory = SharedData.Find(),
                    Services = services,
                    WorkDirectory = stageWork,
                    CancellationToken = cancellationToken,
                }).ConfigureAwait(false));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
        progress?.Report(new ProgressUpdate(1, "bench done"));
        return rows;
    }

    internal static async Task<IReadOnlyList<BenchRow>> RunStageAsync(IBenchStage stage, BenchContext context)
    {
        try
        {
            return await stage.RunAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = e is DubAgentException d && d.Hint is { } hint ? $"{d.Message} ({hint})" : e.Message;
            return [new BenchRow(stage.Stage, "-", null, null, Note: $"failed: {message}")];
        }
    }

    private static string CacheHome() =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
}
