using DubAgent.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// The C# SDK 2.4.0 client against `dotnet dubagent.dll serve` (the real registry) over stdio and HTTP, on both
/// protocol revisions: every tool comes with an input and an output schema, both JSON objects.
/// </summary>
public sealed class CSharpClientSchemaTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("stdio", "2025-11-25")]
    [InlineData("stdio", "2026-07-28")]
    [InlineData("http", "2025-11-25")]
    [InlineData("http", "2026-07-28")]
    public async Task Every_tool_is_listed_with_both_schemas(string transport, string revision)
    {
        string[] serve = ["--jobs", _temp.Sub("jobs")];
        await using var http = transport == "http" ? await ServeProcess.StartHttpAsync(serve) : null;
        await using var client = await CliClient.ConnectAsync(http, serve, revision);
        Assert.Equal(revision, client.NegotiatedProtocolVersion);

        var tools = await client.ListToolsAsync();

        Assert.Contains(tools, t => t.Name == "run_pipeline");
        Assert.Contains(tools, t => t.Name == "translate");
        Assert.All(tools, t =>
        {
            Assert.Equal("object", t.ProtocolTool.InputSchema.GetProperty("type").GetString());
            Assert.True(t.ProtocolTool.OutputSchema is { } output && output.GetProperty("type").GetString() == "object", $"{t.Name} has no object outputSchema");
        });
    }
}
