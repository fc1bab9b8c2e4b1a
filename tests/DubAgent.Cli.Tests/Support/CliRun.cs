using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Support;

/// <summary>What one `dubagent` run printed and returned.</summary>
public sealed record CliOutput(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the CLI in-process (CliApp.RunAsync) or as a real child process with its own environment.</summary>
public static class CliRun
{
    public static async Task<CliOutput> InProcessAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliOutput(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>`dotnet dubagent.dll args` with PATH replaced: how a machine without some program sees DubAgent.</summary>
    public static Task<CliOutput> ChildProcessAsync(string path, params string[] args) =>
        ChildProcessAsync(new Dictionary<string, string> { ["PATH"] = path }, args);

    /// <summary>`dotnet dubagent.dll args` with these environment variables set (an empty value hides one).</summary>
    public static async Task<CliOutput> ChildProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ResolveLinks(ProgramLocator.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH"));
        var cli = Path.Combine(AppContext.BaseDirectory, "dubagent.dll");
        var result = await new ProcessRunner().RunAsync(new ProcessRequest(dotnet, [cli, .. args])
        {
            Environment = new Dictionary<string, string>(environment) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            Timeout = TimeSpan.FromMinutes(3),
            StderrTailLines = 200,
        }, CancellationToken.None);
        return new CliOutput(result.ExitCode, result.StandardOutput, result.StderrTail);
    }

    private static string ResolveLinks(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
