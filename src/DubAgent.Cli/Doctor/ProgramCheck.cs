using System.Text.RegularExpressions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Doctor;

/// <summary>One external program as doctor sees it: where it is, its version, how to install it.</summary>
public sealed record ProgramReport(string Name, string Purpose, bool Required, bool Found, string? Path, string? Version, string Install);

/// <summary>Finds each program of the catalog on PATH and asks its version.</summary>
public sealed partial class ProgramCheck(IProcessRunner runner)
{
    public async Task<ProgramReport> CheckAsync(ExternalProgram program, CancellationToken cancellationToken)
    {
        var path = ProgramLocator.Find(program.Name);
        if (path is null) return new ProgramReport(program.Name, program.Purpose, program.Required, false, null, null, program.InstallCommand);
        string? version;
        try
        {
            var result = await runner.RunAsync(new ProcessRequest(path, program.VersionArguments) { Timeout = TimeSpan.FromSeconds(15) },
                cancellationToken).ConfigureAwait(false);
            version = VersionIn(result.StandardOutput) ?? VersionIn(result.StderrTail);
        }
        catch (DubAgentException)
        {
            version = null;
        }
        return new ProgramReport(program.Name, program.Purpose, program.Required, true, path, version ?? "unknown", program.InstallCommand);
    }

    /// <summary>The first version-looking token (5.1.9-0+deb12u1, 1.51, v3.1.2) of the first lines a program prints.</summary>
    internal static string? VersionIn(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var match = VersionToken().Match(line);
            if (match.Success) return match.Value.TrimStart('v', 'V');
        }
        return null;
    }

    [GeneratedRegex(@"\bv?\d+(\.\d+)+[\w.+~-]*")]
    private static partial Regex VersionToken();
}
