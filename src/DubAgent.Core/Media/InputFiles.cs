using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Media;

/// <summary>The checks every input file gets before a program sees it, each with a message that names the file and the fix.</summary>
public static class InputFiles
{
    public static string RequireFile(string? path, string argumentName = "input")
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"No {argumentName} file was given.", $"Pass the path of a file as '{argumentName}'.");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new InputException($"The {argumentName} '{path}' is a folder, not a file.", "Give the path of a media file inside it.");
        if (!File.Exists(full))
            throw new InputException($"The {argumentName} file '{path}' does not exist.", "Check the path (relative paths start from the current folder).");
        if (new FileInfo(full).Length == 0)
            throw new InputException($"The {argumentName} file '{path}' is empty (0 bytes).", "Use a complete media file; it may still be copying.");
        return full;
    }

    /// <summary>Creates the folder if needed and checks that files can be written there.</summary>
    public static string RequireWritableDirectory(string path, string argumentName = "out")
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new InputException($"The {argumentName} folder '{path}' is a file.", "Give a folder path.");
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (StorageException.IsDiskFull(e))
        {
            throw StorageException.DiskFull(full, e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"Cannot write to the {argumentName} folder '{path}': {e.Message}",
                "Choose a folder you can write to, or fix its permissions.");
        }
        return full;
    }
}
