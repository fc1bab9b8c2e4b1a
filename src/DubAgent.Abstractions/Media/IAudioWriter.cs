namespace DubAgent.Abstractions.Media;

/// <summary>
/// Writes a WAV file block by block to a temporary name; <see cref="Commit"/> renames it into place.
/// Disposed without Commit, the temporary file is deleted: nothing half-written is taken for a result.
/// </summary>
public interface IAudioWriter : IDisposable
{
    AudioFormat Format { get; }

    long FramesWritten { get; }

    /// <summary>Interleaved samples, whole frames; values are clipped to [-1, 1].</summary>
    void Write(ReadOnlySpan<float> interleaved);

    void Commit();
}
