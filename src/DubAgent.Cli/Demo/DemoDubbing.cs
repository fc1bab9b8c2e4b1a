using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Pipelines;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Demo;

/// <summary>
/// The main job on the demo: the shipped `dub` recipe dubs demo.mp4 into Spanish with the engines that can run here,
/// in the job folder DIR/dub (re-running reuses its cache), and says where the dubbed video and the package are.
/// </summary>
public static class DemoDubbing
{
    public const string TargetLanguage = "es";

    public static async Task<int> RunAsync(IServiceProvider services, DemoMedia media, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<RecipeCatalog>();
        var path = catalog.Resolve("dub") ?? throw new InputException("The shipped recipe 'dub' was not found beside dubagent.",
            "Run ./dubagent from a clone of the repository, or reinstall so that pipelines/dub.yaml is beside the executable.");
        var (recipe, problems) = RecipeLoader.LoadFile(path);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);

        var job = Path.Combine(media.Directory, "dub");
        var request = new PipelineRunRequest(new Dictionary<string, string>
        {
            ["video"] = media.Video,
            ["target_language"] = TargetLanguage,
        }, job);
        var runner = services.GetRequiredService<PipelineRunner>();
        var result = await StepProgressView.RunAsync(TerminalOutput.For(stderr), observer => runner.RunAsync(recipe, request, observer, cancellationToken))
            .ConfigureAwait(false);
        RunSummaryTable.Write(TerminalOutput.For(stdout), result);

        var dubbed = Directory.Exists(Path.Combine(job, "export"))
            ? Directory.GetFiles(Path.Combine(job, "export"), "*_dubbed.mp4").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            : null;
        await stdout.WriteLineAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync($"Demo video:   {Path.GetFullPath(media.Video)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Ground truth: {Path.GetFullPath(media.TruthDirectory)}").ConfigureAwait(false);
        if (dubbed is not null) await stdout.WriteLineAsync($"Dubbed video: {dubbed}").ConfigureAwait(false);
        if (result.Outputs["package"] is { } package) await stdout.WriteLineAsync($"Package:      {package}").ConfigureAwait(false);
        return 0;
    }
}
