using System.Diagnostics;
using System.Text.Json;
using DubAgent.Abstractions;

namespace DubAgent.Core.Workspace;

/// <summary>Who holds a job folder: a process told apart from a later one with the same pid by its start time.</summary>
public sealed record LockHolder(int Pid, DateTimeOffset ProcessStarted, string Purpose, string Host, DateTimeOffset Since)
{
    public static LockHolder Current(string purpose)
    {
        using var self = Process.GetCurrentProcess();
        return new(Environment.ProcessId, self.StartTime.ToUniversalTime(), purpose, Environment.MachineName, DateTimeOffset.UtcNow);
    }

    /// <summary>Whether that process still runs (on this machine; another machine's holder is taken as alive).</summary>
    public bool IsAlive()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return true;
        try
        {
            using var process = Process.GetProcessById(Pid);
            // A pid is reused by later processes: only the same start time is the same process.
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - ProcessStarted).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public string Describe() => $"process {Pid} ({Purpose}) since {Since.ToLocalTime():yyyy-MM-dd HH:mm:ss}";

    public static LockHolder? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), DubAgentJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
