using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Demo;

/// <summary>The programs the demo needs, checked before any work so a missing one is named up front with its install command.</summary>
public static class DemoPrerequisites
{
    public static IReadOnlyList<string> Programs { get; } = ["ffmpeg", "ffprobe", "espeak-ng"];

    public static void Require(ProgramCatalog catalog)
    {
        foreach (var name in Programs)
        {
            if (ProgramLocator.Find(name) is not null) continue;
            var known = catalog.Find(name);
            throw new EngineUnavailableException(name, known?.Purpose ?? "demo", $"'{name}' is not on PATH and the demo needs it",
                known?.InstallCommand ?? $"install {name}");
        }
    }
}
