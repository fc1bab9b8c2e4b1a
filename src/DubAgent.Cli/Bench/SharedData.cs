namespace DubAgent.Cli.Bench;

/// <summary>Finds the shared recordings with ground truth (`shared/data`, beside the clone) by walking up from here.</summary>
public static class SharedData
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
