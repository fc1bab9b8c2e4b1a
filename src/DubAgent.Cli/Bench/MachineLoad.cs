using System.Globalization;

namespace DubAgent.Cli.Bench;

/// <summary>The 1-minute load average (/proc/loadavg), written next to timings measured on a shared machine.</summary>
public sealed record MachineLoad(double Start)
{
    public static MachineLoad Now()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return new MachineLoad(double.Parse(first, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return new MachineLoad(double.NaN);
        }
    }

    public string Until(MachineLoad end) =>
        string.Create(CultureInfo.InvariantCulture, $"load average {Start:0.0} → {end.Start:0.0} on {Environment.ProcessorCount} cores");
}
