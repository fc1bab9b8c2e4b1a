namespace DubAgent.Core.Media;

/// <summary>Write to a temporary name in the same folder, then rename: readers never see half a file.</summary>
public static class AtomicFile
{
    /// <summary>A fresh hidden temporary name beside <paramref name="path"/> that keeps its extension (ffmpeg picks the format from it).</summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial{Path.GetExtension(full)}");
    }

    public static void MoveIntoPlace(string temporaryPath, string path) => File.Move(temporaryPath, path, overwrite: true);

    /// <summary>Runs <paramref name="write"/> against a temporary path and renames the result into place on success.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            await write(temporary).ConfigureAwait(false);
            if (!File.Exists(temporary)) throw new IOException($"Nothing was written to '{path}'.");
            MoveIntoPlace(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static void WriteAllText(string path, string text) =>
        WriteAsync(path, t => File.WriteAllTextAsync(t, text)).GetAwaiter().GetResult();
}
