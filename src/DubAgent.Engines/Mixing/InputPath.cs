using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Mixing;

/// <summary>An input file argument: given, allowed by the call's path policy, and an existing non-empty file.</summary>
internal static class InputPath
{
    public static string Require(IPathPolicy paths, string? path, string argument)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"No {argument} file was given.", $"Pass the path of a file as '{argument}'.");
        return InputFiles.RequireFile(paths.CheckRead(path, argument), argument);
    }
}
