using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Engines.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static DubAgent.Engines.Tests.Translating.PlannerScript;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>
/// The real kernel through a whole translation, against a local server speaking the documented chat completions API
/// with <c>tool_calls</c>: the model measures its draft with the kernel's own function, finds it too long and a
/// glossary term missing, shortens it, measures again, and only then answers in the typed shape.
/// </summary>
public sealed class FunctionCallingEndpointTests : IDisposable
{
    private const string LongDraft = "Muy buenos días tengas tú, querido amigo mío. ¿Has traído contigo el mapa para el largo viaje de hoy?";
    private const string Shortened = "Buenos días. ¿Traes el plano?";
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-kernel-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>What the scripted model does for one request, decided from the conversation the kernel sent.</summary>
    private static ServerReply Model(ReceivedRequest request)
    {
        var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
        var first = messages.First(m => m.GetProperty("role").GetString() == "user").GetProperty("content").ToString();
        if (first.Contains("Describe how this speaker talks"))
            return new ServerReply(200, LocalChatServer.Completion("""{"register":"casual","address":"informal","emotion":"cheerful","manner":"brief"}"""));
        var ids = Regex.Matches(first, "\"id\":\\s*\"(seg_\\d+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        var results = messages.Where(m => m.GetProperty("role").GetString() == "tool").ToList();
        if (!ids.Contains("seg_0001") || results.Count == 3)
            return new ServerReply(200, LocalChatServer.Completion(Answer(ids, id => id == "seg_0001" ? Shortened : Fitting(id))));
        var measure = Tool(request, "measure_line");
        return results.Count == 0
            ? new ServerReply(200, LocalChatServer.ToolCalls(
                ("call_1", measure, new { id = "seg_0001", text = LongDraft }),
                ("call_2", Tool(request, "check_terms"), new { id = "seg_0001", text = LongDraft })))
            : new ServerReply(200, LocalChatServer.ToolCalls(("call_3", measure, new { id = "seg_0001", text = Shortened })));
    }

    /// <summary>The name the kernel gave a function in the request's tools.</summary>
    private static string Tool(ReceivedRequest request, string function) =>
        request.Body.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)
            .Single(n => n.EndsWith(function, StringComparison.Ordinal));

    [Fact]
    public async Task A_draft_over_budget_is_measured_by_the_models_own_call_shortened_and_measured_again()
    {
        using var server = new LocalChatServer((request, _) => Model(request));
        var transcript = Path.Combine(_folder, "transcript.json");
        File.WriteAllText(transcript, JsonSerializer.Serialize(DialogueFixture.Transcript(), DubAgentJson.Options));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:BaseUrl"] = server.BaseUrl, ["Llm:Model"] = "local-model",
        }).Build());
        services.AddLogging().AddDubAgentCore().AddTranslation();
        await using var provider = services.BuildServiceProvider();
        var step = Path.Combine(_folder, "job", "translate");
        Directory.CreateDirectory(step);
        var context = new ToolContext { WorkDirectory = step, JobDirectory = Path.Combine(_folder, "job"), Services = provider };

        var tool = (TranslateTool)provider.GetServices<ITool>().Single(t => t.Name == "translate");
        var result = await tool.InvokeAsync(new TranslateArguments
        {
            Transcript = transcript, TargetLanguage = "es", Engine = "llm", Glossary = new() { ["map"] = "plano" },
        }, context);

        // The kernel offered its functions and asked for the typed answer.
        var window = server.Requests.First(r => r.Body.GetProperty("messages").ToString().Contains("Translate these"));
        var offered = window.Body.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!).ToList();
        foreach (var function in new[] { "measure_line", "glossary_terms", "check_terms", "check_register", "neighbour_lines", "speaker_profile" })
            Assert.Contains(offered, n => n.EndsWith(function, StringComparison.Ordinal));
        Assert.Equal("json_schema", window.Body.GetProperty("response_format").GetProperty("type").GetString());

        // The kernel ran the calls and sent their results back: too long, then a missing glossary term, then a fit.
        var toolResults = server.Requests.SelectMany(r => r.Body.GetProperty("messages").EnumerateArray())
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .Select(m => (Id: m.GetProperty("tool_call_id").GetString(), Content: m.GetProperty("content").ToString()))
            .DistinctBy(m => m.Id).ToDictionary(m => m.Id!, m => m.Content);
        Assert.Contains("too long: over by", toolResults["call_1"]);
        Assert.Contains("plano", toolResults["call_2"]);
        Assert.Contains("\"kept\":false", toolResults["call_2"].Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fits", toolResults["call_3"]);

        // The answer that reached translation.json is the shortened line, with no rewording round needed afterwards.
        var translation = JsonSerializer.Deserialize<DubAgent.Abstractions.Domain.Translation>(File.ReadAllText(result.TranslationPath), DubAgentJson.Options)!;
        var line = translation.Segments[0];
        Assert.Equal((Shortened, "llm", 0, (string?)null), (line.TargetText, line.Engine, line.Rounds, line.Flag));
        Assert.Equal((12, 12, 0), (result.Segments, result.WithinBudget, result.FallbackSegments));

        // What the translator was held to is in the file for a reviewer: profiles (with the T–V choice) and the glossary.
        Assert.Equal(["informal", "informal"], translation.Profiles!.Select(p => p.Address));
        Assert.Equal("plano", translation.Glossary!["map"]);
    }
}
