using System.Text.Json;
using DubAgent.Core.Pipelines;

namespace DubAgent.Core.Tests.Pipelines;

/// <summary>The published JSON Schema (for editors) and the loader know the same keys.</summary>
public sealed class RecipeSchemaTests
{
    private static JsonElement Schema()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DubAgent.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "pipelines", "schema", "recipe.schema.json"))).RootElement.Clone();
    }

    private static string[] Keys(JsonElement obj) => obj.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();

    [Fact]
    public void Schema_keys_match_the_loader()
    {
        var schema = Schema();
        Assert.Equal(RecipeLoader.TopKeys.Order(), Keys(schema));
        var definitions = schema.GetProperty("definitions");
        Assert.Equal(RecipeLoader.StepKeys.Order(), Keys(definitions.GetProperty("step")));
        var input = schema.GetProperty("properties").GetProperty("inputs").GetProperty("additionalProperties").GetProperty("oneOf")[1];
        Assert.Equal(RecipeLoader.InputKeys.Order(), Keys(input));
        var engine = definitions.GetProperty("step").GetProperty("properties").GetProperty("engine").GetProperty("oneOf")[1];
        Assert.Equal(RecipeLoader.EngineKeys.Order(), Keys(engine));
        Assert.Equal(RecipeLoader.InputTypes.Order(),
            definitions.GetProperty("inputType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order());
    }
}
