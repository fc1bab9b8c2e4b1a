using System.Text.Json;
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

    /// <summary>The tool's own result of a call that ran in a job: structured content `result`, once the work succeeded.</summary>
    public static JsonElement ToolResult(this CallToolResult result)
    {
        var structured = result.StructuredContent ?? throw new InvalidOperationException("no structured content: " + result.Text());
        Assert.Equal("succeeded", structured.GetProperty("status").GetString());
        return structured.GetProperty("result");
    }
}
