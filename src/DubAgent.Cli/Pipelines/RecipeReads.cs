using DubAgent.Abstractions.Tools;
using DubAgent.Core.Paths;
using DubAgent.Core.Pipelines;

namespace DubAgent.Cli.Pipelines;

/// <summary>
/// What a recipe run from the command line may read: its file inputs, the recipe's own folder (files shipped beside
/// it), the shipped recipes, the job folder and the --root folders. A shared recipe cannot reach into the rest of the
/// user's files (`recipe_file: ~/.ssh/id_rsa` packed into a zip) unless the user names them.
/// </summary>
public static class RecipeReads
{
    public static IPathPolicy For(Recipe recipe, IReadOnlyDictionary<string, string> inputs, string jobDirectory, string? shippedDirectory,
        IEnumerable<string> roots)
    {
        var files = recipe.Inputs.Where(i => i.Type == "file").Select(i => inputs.GetValueOrDefault(i.Name)).OfType<string>();
        var recipeFolder = Path.GetDirectoryName(Path.GetFullPath(recipe.File));
        string?[] folders = [jobDirectory, recipeFolder, shippedDirectory];
        return new RootsPathPolicy([.. folders.OfType<string>(), .. files, .. roots], baseDirectory: Directory.GetCurrentDirectory(),
            howToWiden: "pass it as an input, or allow its folder with --root <folder> (repeatable)");
    }
}
