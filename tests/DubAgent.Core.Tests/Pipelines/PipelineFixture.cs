using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tests.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Core.Tests.Pipelines;

/// <summary>Services with the test tools and separate engines named as the shipped routes use them; a temp folder per test.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture(params string[] missingEngines)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("dubagent-pipe-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddSingleton<ITool, WriteNumberTool>();
        services.AddSingleton<ITool, MeasureTool>();
        services.AddSingleton<ITool, CopyTool>();
        services.AddSingleton<ITool, RendezvousTool>();
        services.AddSingleton<ITool, SaveTextTool>();
        services.AddSingleton<ITool, ReadTextTool>();
        foreach (var name in new[] { "ffmpeg", "uvr", "demucs", "dsp" })
            services.AddSingleton<IEngine>(new ProbeEngine(name, !missingEngines.Contains(name)));
        Services = services.BuildServiceProvider();
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    public PipelineRunner Runner => Services.GetRequiredService<PipelineRunner>();

    public RecipeValidator Validator => Services.GetRequiredService<RecipeValidator>();

    public Recipe Load(string yaml, string file = "test.yaml")
    {
        var (recipe, problems) = RecipeLoader.Parse(yaml, file);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return recipe!;
    }

    public IReadOnlyList<RecipeProblem> Problems(string yaml, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var (recipe, problems) = RecipeLoader.Parse(yaml, "bad.yaml");
        return recipe is null ? problems : problems.Concat(Validator.Validate(recipe, inputs)).ToList();
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<PipelineRunResult> RunAsync(Recipe recipe, Dictionary<string, string> inputs, string job = "job", params string[] force) =>
        Runner.RunAsync(recipe, new PipelineRunRequest(inputs, Path.Combine(Directory, job), force));

    public void Dispose()
    {
        Services.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
