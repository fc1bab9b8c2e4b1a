using System.Text.Json;
using DubAgent.Core.Hosting;
using DubAgent.Engines;
using DubAgent.Server.Hosting;
using DubAgent.Server.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.Voices;

/// <summary>list_voices, create_voice and assign_voice over MCP, with and without the client's elicitation.</summary>
public sealed class VoiceToolsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Sample
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DubAgent.sln"))) folder = folder.Parent;
            var source = Path.GetFullPath(Path.Combine(folder!.FullName, "..", "shared", "data", "jfk", "jfk.wav"));
            var copy = Path.Combine(_temp.Sub("media"), "jfk.wav");
            if (!File.Exists(copy)) File.Copy(source, copy);
            return copy;
        }
    }

    private DubAgentServer Server()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Voices:Directory"] = _temp.Sub("voices") }).Build());
        services.AddDubAgentCore();
        services.AddBuiltInEngines();
        var options = new DubAgentServerOptions { JobsDirectory = _temp.Sub("jobs") };
        options.Roots.Add(_temp.Sub("media"));
        return new DubAgentServer(services.BuildServiceProvider(), options);
    }

    [Fact]
    public async Task The_voice_tools_are_listed_with_schemas()
    {
        await using var connection = await PipeConnection.OpenAsync(Server());
        var tools = (await connection.Client.ListToolsAsync()).ToDictionary(t => t.Name);

        var create = tools["create_voice"].JsonSchema;
        Assert.Equal("array", create.GetProperty("properties").GetProperty("samples").GetProperty("type").GetString());
        Assert.True(create.GetProperty("properties").TryGetProperty("consent", out _));
        Assert.Equal(["name", "samples"], create.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(["engine", "language", "name", "voice"],
            tools["assign_voice"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.True(tools["list_voices"].JsonSchema.GetProperty("properties").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Without_elicitation_create_voice_needs_the_consent_argument()
    {
        await using var connection = await PipeConnection.OpenAsync(Server());
        var refused = await connection.Client.CallToolAsync("create_voice", new Dictionary<string, object?> { ["name"] = "Ana", ["samples"] = new[] { Sample } });
        Assert.True(refused.IsError);
        Assert.Contains("without consent", refused.Text());

        var created = await connection.Client.CallToolAsync("create_voice",
            new Dictionary<string, object?> { ["name"] = "Ana", ["samples"] = new[] { Sample }, ["consent"] = "I, Ana, agree." });
        Assert.NotEqual(true, created.IsError);
        var assigned = await connection.Client.CallToolAsync("assign_voice",
            new Dictionary<string, object?> { ["name"] = "Ana", ["language"] = "fr", ["engine"] = "espeak-ng", ["voice"] = "female-mid" });
        Assert.NotEqual(true, assigned.IsError);

        var listed = await connection.Client.CallToolAsync("list_voices", new Dictionary<string, object?>());
        var actor = listed.Answer().GetProperty("actors")[0];
        Assert.Equal("Ana", actor.GetProperty("name").GetString());
        Assert.Equal("female-mid", actor.GetProperty("assignments")[0].GetProperty("voice").GetString());
        Assert.Equal("I, Ana, agree.", actor.GetProperty("consents")[0].GetProperty("statement").GetString());
    }

    [Fact]
    public async Task The_library_tools_answer_without_making_a_job_folder()
    {
        await using var connection = await PipeConnection.OpenAsync(Server());
        var tools = (await connection.Client.ListToolsAsync()).ToDictionary(t => t.Name);
        foreach (var name in new[] { "list_voices", "create_voice", "assign_voice" })
            Assert.False(tools[name].JsonSchema.GetProperty("properties").TryGetProperty("job", out _), $"{name} offers `job`");

        var created = await connection.Client.CallToolAsync("create_voice",
            new Dictionary<string, object?> { ["name"] = "Ana", ["samples"] = new[] { Sample }, ["consent"] = "I, Ana, agree." });
        Assert.NotEqual(true, created.IsError);
        Assert.Equal("Ana", created.Answer().GetProperty("name").GetString());
        var refused = await connection.Client.CallToolAsync("assign_voice",
            new Dictionary<string, object?> { ["name"] = "Nobody", ["language"] = "fr", ["engine"] = "espeak-ng", ["voice"] = "female-mid" });
        Assert.True(refused.IsError);
        var listed = await connection.Client.CallToolAsync("list_voices", new Dictionary<string, object?>());
        Assert.Equal(1, listed.Answer().GetProperty("count").GetInt32());

        var jobs = _temp.Sub("jobs");
        Assert.Empty(Directory.Exists(jobs) ? Directory.GetFileSystemEntries(jobs) : []);
    }

    [Fact]
    public async Task With_elicitation_the_user_is_asked_for_consent_and_a_decline_refuses()
    {
        string? asked = null;
        var answer = "accept";
        var options = new McpClientOptions
        {
            Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability() },
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    asked = request!.Message;
                    return ValueTask.FromResult(answer == "accept"
                        ? new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["consent"] = JsonSerializer.SerializeToElement("I, Bea, agree to cloning.") } }
                        : new ElicitResult { Action = "decline" });
                },
            },
        };
        await using var connection = await PipeConnection.OpenAsync(Server(), options);

        var created = await connection.Client.CallToolAsync("create_voice", new Dictionary<string, object?> { ["name"] = "Bea", ["samples"] = new[] { Sample } });
        Assert.NotEqual(true, created.IsError);
        Assert.Contains("consent", asked);
        Assert.Equal("I, Bea, agree to cloning.", created.Answer().GetProperty("consents")[0].GetProperty("statement").GetString());

        answer = "decline";
        var declined = await connection.Client.CallToolAsync("create_voice", new Dictionary<string, object?> { ["name"] = "Cai", ["samples"] = new[] { Sample } });
        Assert.True(declined.IsError);
        Assert.Contains("without consent", declined.Text());
    }
}

/// <summary>The answer of a library tool: it runs outside jobs, so its structured content is the tool's own result.</summary>
internal static class LibraryAnswers
{
    public static JsonElement Answer(this CallToolResult result) =>
        result.StructuredContent ?? throw new InvalidOperationException("no structured content: " + result.Text());
}
