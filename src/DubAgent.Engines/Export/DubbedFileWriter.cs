using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Export;

/// <summary>One written dub: the probed file, its audio and video ends (null for audio only) and its measured dub track.</summary>
public sealed record WrittenDub(MediaInfo Info, AudioVideoLengths? Lengths, PeakHold Peaks);

/// <summary>
/// Writes one dubbed file under a temporary name and renames it into place only when it passed the checks: audio and
/// video end within one frame, and the encoded dub track stays under the true-peak ceiling (<see cref="TruePeakGuard"/>).
/// A refused or failed file leaves nothing under the final name, not even an older result.
/// </summary>
public sealed class DubbedFileWriter(IMediaToolkit media)
{
    /// <param name="encode">Writes the file to the given path with the dub track at the given gain (dB).</param>
    public async Task<WrittenDub> WriteAsync(string outputPath, string sourcePath, Func<string, double, Task> encode,
        CancellationToken cancellationToken)
    {
        WrittenDub? written = null;
        try
        {
            await AtomicFile.WriteAsync(outputPath, async temporary =>
            {
                await encode(temporary, 0).ConfigureAwait(false);
                var info = await media.ProbeAsync(temporary, cancellationToken).ConfigureAwait(false);
                var lengths = AudioVideoLengths.Of(info);
                lengths?.RequireWithinOneFrame(outputPath, sourcePath);
                var peaks = await new TruePeakGuard(media).HoldAsync(temporary, gain => encode(temporary, gain), cancellationToken)
                    .ConfigureAwait(false);
                written = new WrittenDub(info with { Path = outputPath }, lengths, peaks);
            }).ConfigureAwait(false);
        }
        catch
        {
            // An older file under this name would pass for the result of this call.
            if (File.Exists(outputPath)) File.Delete(outputPath);
            throw;
        }
        return written!;
    }
}
