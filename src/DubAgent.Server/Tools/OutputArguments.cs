using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Paths;

namespace DubAgent.Server.Tools;

/// <summary>
/// The write rule checked before a call starts (and before its job folder exists): an argument marked
/// <see cref="OutputPathAttribute"/> names a file inside the call's own step folder. The tool checks it again when it
/// writes; this only spares the client a long run that ends in "outside the step folder".
/// </summary>
public static class OutputArguments
{
    public static void Check(ITool tool, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        foreach (var name in OutputPathRule.ArgumentsOf(tool.ArgumentsType))
        {
            if (!arguments.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String) continue;
            var path = value.GetString() ?? "";
            if (path.Length == 0 || OutputPathRule.StaysInside(path)) continue;
            throw new InputException(
                $"The argument '{name}' of '{tool.Name}' is '{path}', which is outside the call's own step folder: a call writes only there.",
                $"Give a file name or a relative path without '..', e.g. {name}: result{Path.GetExtension(path)}; the result names where it was written.");
        }
    }
}
