using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// Which folders a run may use as its job folder: a new one, an empty one, or one DubAgent made (it holds `job.json` or
/// the marker of a job folder). Anything else is a user's folder, and a run never writes among a user's files.
/// </summary>
public static class JobFolder
{
    /// <summary>Written into every folder DubAgent claims, before anything else, so an interrupted first run still owns it.</summary>
    public const string MarkerName = ".dubagent-job";

    public const string RecordName = "job.json";

    /// <summary>Checks the folder may hold a job, creates and marks it, and returns its full path; InputException otherwise.</summary>
    public static string Claim(string path, string argumentName = "out")
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new InputException($"The job folder '{path}' is a file, not a folder.", $"Give a new or empty folder with --{argumentName}.");
        if (Directory.Exists(full) && !IsOwn(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new InputException(
                $"The folder '{path}' already holds files that DubAgent did not make; a run does not write among them.",
                $"Choose a new or empty folder with --{argumentName} (e.g. '{Path.Combine(path, "dub-job")}'), or the folder of an earlier run.");
        InputFiles.RequireWritableDirectory(full, argumentName);
        var marker = Path.Combine(full, MarkerName);
        if (!File.Exists(marker)) AtomicFile.WriteAllText(marker, "This folder is a DubAgent job folder: its runs may replace what is in it.\n");
        return full;
    }

    /// <summary>Whether DubAgent made the folder (its marker, or the job record of a run).</summary>
    public static bool IsOwn(string directory) =>
        File.Exists(Path.Combine(directory, MarkerName)) || File.Exists(Path.Combine(directory, RecordName));
}
