using System.Diagnostics;
using System.Globalization;

namespace DubAgent.Cli.Bench;

/// <summary>
/// CPU seconds spent so far by this process and by the child processes it has waited for (ffmpeg, espeak-ng, ...):
/// user + system time from /proc/self/stat on Linux, whose clock ticks are USER_HZ = 100 by ABI. Elsewhere only this
/// process's own time is known.
/// </summary>
public static class ProcessCpuTime
{
    private const double TicksPerSecond = 100;

    public static double Seconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds + ChildrenSeconds();
    }

    private static double ChildrenSeconds()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat)) return 0;
        var text = File.ReadAllText(stat);
        // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[13], CultureInfo.InvariantCulture) + double.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
