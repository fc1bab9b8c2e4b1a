namespace DubAgent.Core.Pipelines;

/// <summary>
/// The shipped recipes: the repository's pipelines/ folder when running from a clone (found by walking up from the
/// executable to the folder holding DubAgent.sln), else the pipelines/ folder copied beside the executable.
/// </summary>
public sealed class RecipeCatalog
{
    public RecipeCatalog() : this(FindDirectory()) { }

    public RecipeCatalog(string? directory) => Directory = directory;

    /// <summary>The folder of shipped recipes, or null when none was found.</summary>
    public string? Directory { get; }

    public IReadOnlyList<string> Files =>
        Directory is null ? [] : System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).ToList();

    /// <summary>A recipe by path (when the file exists) or by shipped name (`dub` or `dub.yaml`).</summary>
    public string? Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        if (Directory is null || nameOrPath.Contains('/') || nameOrPath.Contains('\\')) return null;
        var name = nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? nameOrPath
            : nameOrPath + ".yaml";
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : null;
    }

    public IEnumerable<string> Names => Files.Select(f => Path.GetFileNameWithoutExtension(f)!);

    private static string? FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "pipelines");
            if (File.Exists(Path.Combine(dir.FullName, "DubAgent.sln")) && System.IO.Directory.Exists(candidate)) return candidate;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "pipelines");
        return System.IO.Directory.Exists(beside) ? beside : null;
    }
}
