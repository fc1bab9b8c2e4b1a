using DubAgent.Cli.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Hosting;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Processes;
using DubAgent.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DubAgent.Cli.Tests.Demo;

/// <summary>
/// A dub of the demo reads each input once: ffprobe runs once per distinct file, and the speech audio is decoded to
/// 16 kHz mono once for all the steps that need it (counted at the one process runner every program goes through).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DemoProcessCountTests(DemoFixture demo, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_dub_probes_each_input_once_and_decodes_the_speech_to_16_khz_once()
    {
        var counting = new CountingProcessRunner(new ProcessRunner());
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddSingleton<IProcessRunner>(counting)
            .AddDubAgentCore()
            .AddBuiltInEngines()
            .BuildServiceProvider();
        await using var _ = services;
        var (recipe, problems) = RecipeLoader.LoadFile(Path.Combine(RepositoryRoot(), "pipelines", "dub.yaml"));
        Assert.Empty(problems);
        var request = new PipelineRunRequest(new Dictionary<string, string>
        {
            ["video"] = demo.Media.Video,
            ["target_language"] = DemoDubbing.TargetLanguage,
        }, _folder["dub"]);

        await services.GetRequiredService<PipelineRunner>().RunAsync(recipe!, request);

        var probes = counting.Started.Where(r => Program(r) == "ffprobe").Select(r => r.Arguments[^1]).ToList();
        var decodes16k = counting.Started.Where(r => Program(r) == "ffmpeg" && HasPair(r, "-ar", "16000") && HasPair(r, "-ac", "1")).ToList();
        output.WriteLine($"ffprobe: {probes.Count} runs over {probes.Distinct().Count()} files; ffmpeg: {counting.Count("ffmpeg")} runs, " +
                         $"{decodes16k.Count} to 16 kHz mono; all processes: {counting.Started.Count}");
        foreach (var r in counting.Started) output.WriteLine(r.ToString());
        Assert.All(probes.GroupBy(p => p), g => Assert.True(g.Count() == 1, $"{g.Key} was probed {g.Count()} times"));
        Assert.All(decodes16k.GroupBy(r => r.Arguments[r.Arguments.ToList().IndexOf("-i") + 1]),
            g => Assert.True(g.Count() == 1, $"{g.Key} was decoded to 16 kHz mono {g.Count()} times"));
    }

    private static string Program(ProcessRequest r) => Path.GetFileNameWithoutExtension(r.Program);

    private static bool HasPair(ProcessRequest r, string flag, string value)
    {
        for (var i = 0; i + 1 < r.Arguments.Count; i++)
            if (r.Arguments[i] == flag && r.Arguments[i + 1] == value) return true;
        return false;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DubAgent.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("DubAgent.sln not found above the test folder.");
    }
}
