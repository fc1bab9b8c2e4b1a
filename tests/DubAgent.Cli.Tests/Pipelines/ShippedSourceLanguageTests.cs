using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Expressions;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Tests.Pipelines;

/// <summary>
/// With `source_language: auto` the exported video's original track and source subtitles are tagged with the language
/// the recognizer found, not with the word "auto".
/// </summary>
public sealed class ShippedSourceLanguageTests : IAsyncLifetime
{
    private readonly CliHost _host = new([]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("dub")]
    [InlineData("dialogue-uvr")]
    [InlineData("cinematic-demucs")]
    [InlineData("short-lowbudget")]
    public void Export_is_tagged_with_the_detected_language(string name)
    {
        var catalog = _host.Services.GetRequiredService<RecipeCatalog>();
        var (recipe, problems) = RecipeLoader.LoadFile(catalog.Resolve(name)!);
        Assert.Empty(problems);
        var inputs = recipe!.Inputs.ToDictionary(i => i.Name, _ => ExpressionValue.Of("x"));
        inputs["source_language"] = ExpressionValue.Of("auto");
        var scope = new RunScope(inputs);
        foreach (var step in recipe.Steps) scope.SetResult(step.Id, JsonSerializer.SerializeToElement(new JsonObject()));
        scope.SetResult("transcribe", JsonSerializer.SerializeToElement(new JsonObject { ["language"] = "fr" }));

        var export = recipe.FindStep("export")!;
        var invoker = _host.Services.GetRequiredService<ToolInvoker>();
        var arguments = StepArguments.Build(export.With, invoker.SchemaOf(invoker.Require(export.Tool)), scope);

        Assert.Equal("fr", arguments["source_language"]?.GetValue<string>());
    }
}
