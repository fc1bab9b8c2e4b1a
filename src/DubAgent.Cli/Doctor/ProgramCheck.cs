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

    /// <summary>
    /// The version a program prints: the token after the word "version" anywhere near the top, else a version-looking
    /// token (5.1.9-0+deb12u1, 1.51, v3.1.2) on its first two lines; null when there is none (help texts, option dumps).
    /// </summary>
    internal static string? VersionIn(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Take(20))
        {
            var named = NamedVersion().Match(line);
            if (named.Success) return named.Groups[1].Value;
        }
        foreach (var line in lines.Take(2))
        {
            var match = VersionToken().Match(line);
            if (match.Success) return match.Value.TrimStart('v', 'V');
        }
        return null;
    }

    [GeneratedRegex(@"\bversion\s*:?\s*v?(\d+(\.\d+)+[\w.+~-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedVersion();

    [GeneratedRegex(@"\bv?\d+(\.\d+)+[\w.+~-]*")]
    private static partial Regex VersionToken();
}
