namespace DubAgent.Server.Tests.Support;

/// <summary>The built `dubagent.dll` (the test project builds the CLI first) and the repository around it.</summary>
public static class BuiltCli
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(RepositoryRoot, "src", "DubAgent.Cli", "bin", configuration, "net10.0", "dubagent.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the CLI first: {path} is missing.");
        }
    }

    public static string NodeClientFolder => Path.Combine(RepositoryRoot, "tests", "mcp-node");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DubAgent.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("DubAgent.sln not found above " + AppContext.BaseDirectory);
    }
}
