using DubAgent.Core.Processes;

namespace DubAgent.Core.Tests.Plugins;

/// <summary>
/// Builds the sample plugin's output and the fixture plugins (tests/plugin-fixtures) and lays each into its own
/// subfolder of a temporary plugins folder, as a user would drop them in.
/// </summary>
public sealed class PluginFolderFixture : IDisposable
{
    public PluginFolderFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), $"dubagent-plugins-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        RepoRoot = FindRepoRoot();

        var beatSyncOutput = Path.Combine(RepoRoot, "plugins", "DubAgent.Plugins.BeatSync", "bin", configuration, "net10.0");
        BeatSync = CopyInto(beatSyncOutput, "DubAgent.Plugins.BeatSync");
        // Two test projects use these fixtures and run at the same time: one build at a time.
        using var buildLock = new Mutex(false, "dubagent-plugin-fixtures-build");
        try { buildLock.WaitOne(TimeSpan.FromMinutes(10)); } catch (AbandonedMutexException) { }
        try
        {
            Clashing = Build("ClashingPlugin", configuration);
            BrokenDependency = Build("BrokenDependencyPlugin", configuration);
            OtherContract = Build("OtherContractPlugin", configuration);
        }
        finally
        {
            buildLock.ReleaseMutex();
        }
        File.Delete(Path.Combine(BrokenDependency, "BrokenDependencyLib.dll"));
    }

    public string Root { get; }
    public string RepoRoot { get; }
    public string BeatSync { get; }
    public string Clashing { get; }
    public string BrokenDependency { get; }
    public string OtherContract { get; }

    /// <summary>A plugins folder holding only the named plugin folders.</summary>
    public string FolderWith(params string[] pluginFolders)
    {
        var folder = Path.Combine(Root, $"set-{Guid.NewGuid():N}");
        foreach (var plugin in pluginFolders) CopyDirectory(plugin, Path.Combine(folder, Path.GetFileName(plugin)));
        return folder;
    }

    private string Build(string project, string configuration)
    {
        var projectDir = Path.Combine(RepoRoot, "tests", "plugin-fixtures", project);
        var result = new ProcessRunner().RunAsync(new ProcessRequest("dotnet", ["build", projectDir, "-c", configuration, "--nologo", "-v", "q"])
        { Timeout = TimeSpan.FromMinutes(5) }, CancellationToken.None).GetAwaiter().GetResult();
        if (!result.Succeeded) throw new InvalidOperationException($"Building {project} failed:\n{result.StandardOutput}\n{result.StderrTail}");
        return CopyInto(Path.Combine(projectDir, "bin", configuration, "net10.0"), project);
    }

    private string CopyInto(string output, string name)
    {
        if (!File.Exists(Path.Combine(output, name + ".dll"))) throw new InvalidOperationException($"{name}.dll was not built in {output}.");
        var target = Path.Combine(Root, "built", name);
        CopyDirectory(output, target);
        return target;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DubAgent.sln"))) return dir.FullName;
        throw new InvalidOperationException("DubAgent.sln not found above the test's folder.");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
