using System.ComponentModel;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;

namespace DubAgent.Server.Tools;

public sealed class ListPipelinesArguments;

public sealed record RecipeInputEntry(string Name, string Type, bool Required, string? Default, IReadOnlyList<string>? Allowed, string? Description);

public sealed record RecipeEntry(
    [property: Description("The name to pass as run_pipeline's `recipe`.")] string Name,
    string? Description,
    IReadOnlyList<RecipeInputEntry> Inputs,
    [property: Description("The tools its steps call, in order.")] IReadOnlyList<string> Steps,
    IReadOnlyList<string> Outputs,
    [property: Description("Set when the recipe file does not load; run_pipeline would refuse it.")] string? Problem);

public sealed record ListPipelinesResult(int Count, string? Folder, IReadOnlyList<RecipeEntry> Recipes);

/// <summary>list_pipelines: the shipped recipes with their inputs, so a client can call run_pipeline right.</summary>
public sealed class ListPipelinesTool(RecipeCatalog catalog) : Tool<ListPipelinesArguments, ListPipelinesResult>, IServerTool
{
    public override string Name => "list_pipelines";

    public override string Description =>
        "Lists the shipped recipes (YAML pipelines: a recorded sequence of tool calls) with what each does, its inputs " +
        "(name, type, required, default, allowed values) and the tools its steps call. Run one with run_pipeline.";

    public ServerToolKind Kind => ServerToolKind.Query;

    public override Task<ListPipelinesResult> InvokeAsync(ListPipelinesArguments arguments, ToolContext context)
    {
        var entries = new List<RecipeEntry>();
        foreach (var file in catalog.Files)
        {
            var (recipe, problems) = RecipeLoader.LoadFile(file);
            var name = Path.GetFileNameWithoutExtension(file);
            if (recipe is null || problems.Count > 0)
            {
                entries.Add(new RecipeEntry(name, null, [], [], [], problems.FirstOrDefault()?.ToString() ?? "does not load"));
                continue;
            }
            entries.Add(new RecipeEntry(name, recipe.Description,
                recipe.Inputs.Select(i => new RecipeInputEntry(i.Name, i.Type, i.Required, i.Default is { IsPlainNull: false } d ? d.Text : null, i.Enum, i.Description)).ToList(),
                recipe.Steps.Select(s => s.Tool).ToList(),
                recipe.Outputs.Select(o => o.Name).ToList(),
                null));
        }
        return Task.FromResult(new ListPipelinesResult(entries.Count, catalog.Directory, entries));
    }
}
