using System.IO.Compression;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Export;

/// <summary>Writes the hand-over zip: files streamed in (never held in memory), media stored as is, text compressed.</summary>
public static class PackageWriter
{
    public static async Task WriteAsync(string zipPath, IReadOnlyList<(string EntryName, string FilePath)> entries, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(zipPath, temporary =>
        {
            // The temporary name is already claimed (an empty file): open it for writing rather than create it.
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var (name, file) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Video and AAC are already compressed, and PCM stems hardly compress: storing them is much faster.
                var level = Path.GetExtension(file).ToLowerInvariant() is ".mp4" or ".m4a" or ".mov" or ".mkv" or ".wav"
                    ? CompressionLevel.NoCompression
                    : CompressionLevel.Optimal;
                zip.CreateEntryFromFile(file, name, level);
            }
            return Task.CompletedTask;
        }).ConfigureAwait(false);
    }
}
