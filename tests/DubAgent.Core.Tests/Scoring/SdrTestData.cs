namespace DubAgent.Core.Tests.Scoring;

/// <summary>Finds ../shared/data (the clone sits at &lt;x&gt;/main, the data at &lt;x&gt;/shared/data) by walking up from the test binaries.</summary>
internal static class SdrTestData
{
    public static string SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException($"No shared/data folder above {AppContext.BaseDirectory}; CI keeps it beside the clone.");
    }
}
