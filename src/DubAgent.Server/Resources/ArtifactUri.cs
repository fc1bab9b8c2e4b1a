namespace DubAgent.Server.Resources;

/// <summary>`dubagent://jobs/{job}/{step}/{file}`: the address of one file a job step wrote.</summary>
public static class ArtifactUri
{
    public const string Prefix = "dubagent://jobs/";
    public const string Template = Prefix + "{job}/{step}/{file}";

    /// <param name="relativePath">The file's path inside the job folder ("translate/translation.json").</param>
    public static string For(string job, string relativePath) =>
        Prefix + Uri.EscapeDataString(job) + "/" +
        string.Join('/', relativePath.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]).Select(Uri.EscapeDataString));

    /// <summary>The job id and the file's path segments inside the job folder, or false when it is not an artifact address.</summary>
    public static bool TryParse(string uri, out string job, out string[] segments)
    {
        job = "";
        segments = [];
        if (!uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = uri[Prefix.Length..].Split('?', '#')[0];
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 2) return false;
        job = parts[0];
        segments = parts[1..];
        return true;
    }
}
