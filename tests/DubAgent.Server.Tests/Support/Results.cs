using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.Support;

public static class Results
{
    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>The `job: <id>` a result names.</summary>
    public static string JobId(this CallToolResult result)
    {
        var line = result.Text().Split('\n').First(l => l.StartsWith("job: ", StringComparison.Ordinal) || l.Contains("job 2", StringComparison.Ordinal));
        var start = line.IndexOf("job", StringComparison.Ordinal) + 4;
        var id = line[start..].TrimStart(':', ' ');
        return id.Split(' ', '(', ')')[0].TrimEnd('.');
    }
}
