using System.IO.Pipelines;
using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Engines.Translation;
using DubAgent.Server.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static DubAgent.Engines.Tests.Translating.PlannerScript;

#pragma warning disable MCP9005 // sampling is deprecated from spec 2026-07-28 on; the clients of 2025 still offer it.

namespace DubAgent.Engines.Tests.Translating;

/// <summary>
/// The same planner through the calling MCP client's own model: an SDK server and an SDK client joined by pipes,
/// the client's sampling handler playing the model. With tool use in sampling the model calls the kernel's checks
/// through sampling; without it the functions are left out and the planner still translates.
/// </summary>
public sealed class SamplingPlannerTests : IDisposable
{
    private const string Shortened = "Buenos días. ¿Traes el plano?";
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-sampling-").FullName;
    private readonly List<CreateMessageRequestParams> _asked = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Text(ContentBlock block) => block is TextContentBlock text ? text.Text : "";

    /// <summary>The client's model: profiles, windows; for seg_0001 it first asks to measure a long draft when it may use tools.</summary>
    private ValueTask<CreateMessageResult> Sample(CreateMessageRequestParams? request)
    {
        lock (_asked) _asked.Add(request!);
        var first = request!.Messages.Where(m => m.Role == Role.User).SelectMany(m => m.Content).Select(Text).First(t => t.Length > 0);
        string answer;
        if (first.Contains("Describe how this speaker talks")) answer = """{"register":"casual","address":"informal","emotion":"calm","manner":"brief"}""";
        else
        {
            var ids = Regex.Matches(first, "\"id\":\\s*\"(seg_\\d+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
            var measured = request.Messages.SelectMany(m => m.Content).OfType<ToolResultContentBlock>().ToList();
            if (ids.Contains("seg_0001") && request.Tools is { Count: > 0 } tools && measured.Count == 0)
            {
                var input = JsonSerializer.SerializeToElement(new { id = "seg_0001", text = string.Join(' ', Enumerable.Repeat("palabra", 30)) });
                return ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "client-model",
                    Role = Role.Assistant,
                    StopReason = "toolUse",
                    Content = [new ToolUseContentBlock { Id = "use_1", Name = tools.Single(t => t.Name.EndsWith("measure_line")).Name, Input = input }],
                });
            }
            answer = Answer(ids, id => id == "seg_0001" ? Shortened : Fitting(id));
        }
        return ValueTask.FromResult(new CreateMessageResult { Model = "client-model", Role = Role.Assistant, Content = [new TextContentBlock { Text = answer }] });
    }

    private async Task<TranslateResult> TranslateThroughSamplingAsync(bool clientTakesTools)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        using var stop = new CancellationTokenSource();
        await using var server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), new McpServerOptions());
        var serving = server.RunAsync(stop.Token);
        var sampling = new SamplingCapability { Tools = clientTakesTools ? new SamplingToolsCapability() : null };
        await using var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), new McpClientOptions
        {
            // A client of the 2025-11-25 revision: capabilities once at initialize, sampling with tool use (SEP-1577).
            ProtocolVersion = "2025-11-25",
            Capabilities = new ClientCapabilities { Sampling = sampling },
            Handlers = new McpClientHandlers { SamplingHandler = (request, _, _) => Sample(request) },
        });

        var transcript = Path.Combine(_folder, "transcript.json");
        File.WriteAllText(transcript, JsonSerializer.Serialize(DialogueFixture.Transcript(), DubAgentJson.Options));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()); // no endpoint: only the client's model
        services.AddLogging().AddDubAgentCore().AddTranslation();
        await using var provider = services.BuildServiceProvider();
        var step = Directory.CreateDirectory(Path.Combine(_folder, "job", clientTakesTools ? "tools" : "plain")).FullName;
        var context = new ToolContext { WorkDirectory = step, JobDirectory = Path.Combine(_folder, "job"), Services = provider, CallerChat = ClientModelChatClient.For(server) };
        var tool = (TranslateTool)provider.GetServices<ITool>().Single(t => t.Name == "translate");
        var result = await tool.InvokeAsync(new TranslateArguments { Transcript = transcript, TargetLanguage = "es", Model = "client" }, context);
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return result;
    }

    [Fact]
    public async Task A_client_with_tool_use_in_sampling_runs_the_kernels_checks_through_its_own_model()
    {
        var result = await TranslateThroughSamplingAsync(clientTakesTools: true);

        Assert.Equal(("llm", 12, 0), (result.Engine, result.Segments, result.FallbackSegments));
        Assert.Contains(_asked, r => r.Tools?.Any(t => t.Name.EndsWith("measure_line")) == true);
        var measured = _asked.SelectMany(r => r.Messages).SelectMany(m => m.Content).OfType<ToolResultContentBlock>().First();
        Assert.Equal("use_1", measured.ToolUseId);
        Assert.Contains("too long", string.Concat(measured.Content.Select(Text)));
        Assert.Contains(Shortened, result.Preview[0]);
    }

    [Fact]
    public async Task A_client_without_tool_use_gets_no_functions_and_the_planner_still_translates()
    {
        var result = await TranslateThroughSamplingAsync(clientTakesTools: false);

        Assert.Equal(("llm", 12, 0), (result.Engine, result.Segments, result.FallbackSegments));
        Assert.All(_asked, r => Assert.True(r.Tools is null || r.Tools.Count == 0));
    }
}
