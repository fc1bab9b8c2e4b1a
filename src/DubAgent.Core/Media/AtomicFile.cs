using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Media;

/// <summary>Write to a temporary name in the same folder, then rename: readers never see half a file.</summary>
public static class AtomicFile
{
    /// <summary>A fresh hidden temporary name beside <paramref name="path"/> that keeps its extension (ffmpeg picks the format from it).</summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        RequireFolder(dir, path);
        return Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial{Path.GetExtension(full)}");
    }

    /// <summary>Creates the output's folder, turning "cannot" into an error that names the output and the fix.</summary>
    public static void RequireFolder(string folder, string outputPath)
    {
        if (File.Exists(folder))
            throw new InputException($"Cannot write '{outputPath}': '{folder}' is a file, not a folder.", "Choose an output path inside a folder.");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (StorageException.IsDiskFull(e))
        {
            throw StorageException.DiskFull(outputPath, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot write '{outputPath}': its folder cannot be created ({e.Message}).",
                "Choose an output folder you can write to.");
        }
    }

    /// <summary>Opens a new file for writing; a folder without write permission becomes an InputException naming it.</summary>
    public static FileStream CreateNew(string temporaryPath, string outputPath)
    {
        try
        {
            return new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (StorageException.IsDiskFull(e))
        {
            throw StorageException.DiskFull(outputPath, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot write '{outputPath}': {e.Message}", "Choose an output folder you can write to, or fix its permissions.");
        }
    }

    public static void MoveIntoPlace(string temporaryPath, string path) => File.Move(temporaryPath, path, overwrite: true);

    /// <summary>Runs <paramref name="write"/> against a temporary path and renames the result into place on success.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        var temporary = TemporaryPathFor(path);
        // Claim the temporary name first: an unwritable folder is reported here, naming the output, not by a program.
        using (CreateNew(temporary, path)) { }
        try
        {
            await write(temporary).ConfigureAwait(false);
            if (!File.Exists(temporary)) throw new IOException($"Nothing was written to '{path}'.");
            MoveIntoPlace(temporary, path);
        }
        catch (Exception e) when (StorageException.IsDiskFull(e))
        {
            throw StorageException.DiskFull(path, e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static void WriteAllText(string path, string text) =>
        WriteAsync(path, t => File.WriteAllTextAsync(t, text)).GetAwaiter().GetResult();
}
