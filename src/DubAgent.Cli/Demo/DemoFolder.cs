using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Cli.Demo;

/// <summary>
/// Guards the output folder: the demo writes only into a new or empty folder, or one it made before (it holds the
/// marker file). It never writes among a user's other files.
/// </summary>
public static class DemoFolder
{
    public const string MarkerName = ".dubagent-demo.json";

    private sealed record Marker(int Version, bool Complete);

    /// <summary>Checks the folder can take the demo and returns its files; InputException otherwise.</summary>
    public static DemoMedia Claim(string directory)
    {
        var media = new DemoMedia(Path.GetFullPath(directory));
        if (File.Exists(media.Directory))
            throw new InputException($"The demo output '{directory}' is a file, not a folder.", "Pass a folder with --out.");
        if (Directory.Exists(media.Directory) && !File.Exists(media.Marker) && Directory.EnumerateFileSystemEntries(media.Directory).Any())
            throw new InputException($"The folder '{directory}' already holds other files; the demo does not write among them.",
                "Choose a new or empty folder with --out, e.g. `dubagent demo --out ./demo-new`.");
        InputFiles.RequireWritableDirectory(media.Directory, "demo output");
        return media;
    }

    /// <summary>Whether the folder holds a complete demo made by this version of the generator.</summary>
    public static bool IsComplete(DemoMedia media, int version)
    {
        if (!File.Exists(media.Marker) || !media.Files.All(File.Exists)) return false;
        try
        {
            var marker = JsonSerializer.Deserialize<Marker>(File.ReadAllText(media.Marker), DubAgentJson.Options);
            return marker is { Complete: true } && marker.Version == version;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static void Mark(DemoMedia media, int version, bool complete) =>
        AtomicFile.WriteAllText(media.Marker, JsonSerializer.Serialize(new Marker(version, complete), DubAgentJson.Options));
}
