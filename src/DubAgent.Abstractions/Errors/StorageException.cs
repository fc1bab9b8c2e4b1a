namespace DubAgent.Abstractions.Errors;

/// <summary>The machine could not store a result (the disk is full, the quota is used up): not the input's fault.</summary>
public sealed class StorageException : DubAgentException
{
    public StorageException(string message, string? hint = null, Exception? inner = null) : base(message, hint, inner)
    {
    }

    public override string Kind => "storage";

    /// <summary>Whether an I/O error is "no space left" (ENOSPC on Unix, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows).</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException io && (io.HResult is 28 or 0x70 or 0x27 || (io.HResult & 0xFFFF) is 0x70 or 0x27
            || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase));

    /// <summary>The error to report for a write to <paramref name="path"/> that failed because the disk is full.</summary>
    public static StorageException DiskFull(string path, Exception inner) =>
        new($"The disk is full: '{path}' could not be written.", "Free some space on that disk, or choose an output folder on another disk.", inner);
}
