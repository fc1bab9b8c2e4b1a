using DubAgent.Abstractions.Errors;
using DubAgent.Core.Pipelines;

namespace DubAgent.Cli.Pipelines;

/// <summary>
/// `--input FILE` (fills the recipe's first required file input) or `--input name=path`, and `--set name=value`,
/// as the text values of the recipe's inputs.
/// </summary>
public static class RecipeArguments
{
    public static Dictionary<string, string> Inputs(Recipe recipe, IEnumerable<string> files, IEnumerable<string> sets)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (name, value) = Split(file);
            if (name is null || recipe.FindInput(name) is null && File.Exists(file))
            {
                var target = recipe.Inputs.FirstOrDefault(i => i.Type == "file" && i.Required && !values.ContainsKey(i.Name))
                    ?? recipe.Inputs.FirstOrDefault(i => i.Type == "file" && !values.ContainsKey(i.Name))
                    ?? throw new InputException($"The recipe '{recipe.Name}' has no file input left for '{file}'.",
                        "Use --set name=value for its other inputs.");
                values[target.Name] = file;
            }
            else values[name] = value;
        }
        foreach (var set in sets)
        {
            var (name, value) = Split(set);
            if (name is null) throw new InputException($"'{set}' is not a name=value pair.", "Write --set name=value.");
            values[name] = value;
        }
        return values;
    }

    private static (string? Name, string Value) Split(string text)
    {
        var eq = text.IndexOf('=');
        return eq > 0 ? (text[..eq].Trim(), text[(eq + 1)..]) : (null, text);
    }
}
