using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Tools;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Expressions;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Tests.Pipelines;

/// <summary>The shipped dub recipe routes separation as DESIGN.md says, with the real tools and engines of the CLI.</summary>
public sealed class ShippedRoutingTests : IAsyncLifetime
{
    private readonly CliHost _host = new([]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<double, string, string, string, string> Cases()
    {
        var data = new TheoryData<double, string, string, string, string>();
        foreach (var duration in new[] { 299.9, 300, 300.1 })
        foreach (var budget in new[] { "low", "standard" })
        foreach (var (content, guess) in new[] { ("auto", "dialogue"), ("auto", "cinematic"), ("dialogue", "cinematic"), ("cinematic", "dialogue") })
        {
            var expected = duration < 300 && budget == "low" ? "ffmpeg"
                : content == "dialogue" || content == "auto" && guess == "dialogue" ? "mdx"
                : "demucs";
            data.Add(duration, budget, content, guess, expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dub_routes_by_length_budget_and_content(double duration, string budget, string content, string guess, string expected)
    {
        var catalog = _host.Services.GetRequiredService<RecipeCatalog>();
        var (recipe, problems) = RecipeLoader.LoadFile(catalog.Resolve("dub")!);
        Assert.Empty(problems);
        var step = recipe!.FindStep("separate")!;
        var tool = _host.Services.GetRequiredService<IToolRegistry>().Find(step.Tool)!;
        var scope = new RunScope(new Dictionary<string, ExpressionValue>
        {
            ["budget"] = ExpressionValue.Of(budget),
            ["content"] = ExpressionValue.Of(content),
        });
        scope.SetResult("probe", JsonSerializer.SerializeToElement(new JsonObject
        {
            ["duration_seconds"] = duration,
            ["content_guess"] = guess,
        }));
        var decision = await _host.Services.GetRequiredService<EngineRouter>()
            .DecideAsync(recipe, step, tool, scope, CancellationToken.None);
        Assert.NotNull(decision);
        Assert.Equal(expected, decision.Asked);
        // Whatever is installed here, something runs: the routed engine or a fallback (mdx, uvr, dsp), with the reason recorded.
        Assert.Contains(decision.Ran, new[] { expected, "mdx", "uvr", "dsp" });
        if (decision.Ran != expected) Assert.Contains($"{expected} is not available", decision.Reason);
    }
}
