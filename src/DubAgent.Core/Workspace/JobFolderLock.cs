using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// One run at a time in a job folder. The exclusive lock is the operating system's (released when the process ends,
/// even by kill -9); beside it, who holds it (pid and process start time), so a refused run can say who is busy and a
/// reader can tell a live run from one that died.
/// </summary>
public sealed class JobFolderLock : IDisposable
{
    public const string LockName = ".dubagent.lock";
    public const string HolderName = ".dubagent.lock.json";

    private readonly FileStream _lock;
    private readonly string _holderPath;

    private JobFolderLock(FileStream handle, string holderPath, LockHolder? previous)
    {
        _lock = handle;
        _holderPath = holderPath;
        Previous = previous;
    }

    /// <summary>The holder of an earlier run that ended without releasing the folder (it died), if any.</summary>
    public LockHolder? Previous { get; }

    /// <summary>Takes the folder for this process, or throws InputException naming the run that holds it.</summary>
    public static JobFolderLock Acquire(string directory, string purpose)
    {
        var holderPath = Path.Combine(directory, HolderName);
        FileStream handle;
        try
        {
            // FileShare.None takes an exclusive flock on Unix (a lock share-mode on Windows).
            handle = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = LockHolder.Read(holderPath);
            throw new InputException(
                $"The job folder '{directory}' is in use by another run{(holder is null ? "" : $": {holder.Describe()}")}.",
                "Wait for that run to finish (or stop it), or give this run another folder with --out.");
        }
        var previous = LockHolder.Read(holderPath);
        AtomicFile.WriteAllText(holderPath, JsonSerializer.Serialize(LockHolder.Current(purpose), DubAgentJson.Options));
        return new JobFolderLock(handle, holderPath, previous);
    }

    /// <summary>The live holder of the folder, or null when no running process holds it (never locked, released, or died).</summary>
    public static LockHolder? LiveHolder(string directory) =>
        LockHolder.Read(Path.Combine(directory, HolderName)) is { } holder && holder.IsAlive() ? holder : null;

    public void Dispose()
    {
        // The holder file goes first: a reader that finds none knows the folder is free.
        try
        {
            File.Delete(_holderPath);
        }
        catch (IOException)
        {
        }
        _lock.Dispose();
    }
}
