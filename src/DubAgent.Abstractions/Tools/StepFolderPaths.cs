using DubAgent.Abstractions.Errors;

namespace DubAgent.Abstractions.Tools;

/// <summary>
/// The one write rule of every call, whoever makes it (recipe, MCP, `dubagent call`): a call writes only inside its own
/// step folder, judged after `..` is folded and symbolic links are followed; relative paths start there. Reads may also
/// reach the job folder (earlier steps' outputs); everything else is the caller's read policy's to allow.
/// </summary>
public sealed class StepFolderPaths(IPathPolicy reads, string stepDirectory, string jobDirectory) : IPathPolicy
{
    private readonly string _step = Path.GetFullPath(stepDirectory);
    private readonly string _job = Path.GetFullPath(jobDirectory);

    public string CheckRead(string path, string argumentName)
    {
        if (!string.IsNullOrWhiteSpace(path) && Path.IsPathFullyQualified(path))
        {
            var full = Path.GetFullPath(path);
            if (RealPath.IsInside(RealPath.Of(full), RealPath.Of(_job))) return full;
        }
        return reads.CheckRead(path, argumentName);
    }

    public string CheckWrite(string path, string argumentName)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"The {argumentName} path is empty.", "Give a file name, such as 'output.wav'.");
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(path, UriKind.Absolute, out var uri))
            path = uri.LocalPath;
        var full = Path.GetFullPath(path, _step);
        if (RealPath.IsInside(RealPath.Of(full), RealPath.Of(_step))) return full;
        throw new InputException(
            $"The {argumentName} '{path}' is outside this step's folder '{_step}': a step writes only inside its own folder.",
            $"Give a file name or a relative path that stays inside the step folder (no '..', no absolute path), e.g. {argumentName}: result{Path.GetExtension(path)}.");
    }
}
