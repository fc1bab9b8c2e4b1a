using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Engines.Translation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static DubAgent.Engines.Tests.Translating.PlannerScript;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>The translate tool as recipes, the CLI and MCP call it: through the registered services.</summary>
public sealed class TranslateToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-translate-").FullName;
    private readonly string _transcript;

    public TranslateToolTests()
    {
        _transcript = Path.Combine(_folder, "transcript.json");
        File.WriteAllText(_transcript, JsonSerializer.Serialize(DialogueFixture.Transcript(), DubAgentJson.Options));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Services(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddTranslation();
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private ToolContext Context(IServiceProvider services, IChatClient? caller = null)
    {
        var step = Path.Combine(_folder, "job", "translate");
        Directory.CreateDirectory(step);
        return new ToolContext { WorkDirectory = step, JobDirectory = Path.Combine(_folder, "job"), Services = services, CallerChat = caller };
    }

    private static Task<TranslateResult> Invoke(IServiceProvider services, TranslateArguments arguments, ToolContext context) =>
        ((TranslateTool)services.GetServices<ITool>().Single(t => t.Name == "translate")).InvokeAsync(arguments, context);

    [Fact]
    public async Task Apertium_writes_translation_json_with_every_segment()
    {
        await using var services = Services();
        var context = Context(services);
        var result = await Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "apertium" }, context);

        Assert.Equal(Path.Combine(context.WorkDirectory, "translation.json"), result.TranslationPath);
        var translation = JsonSerializer.Deserialize<DubAgent.Abstractions.Domain.Translation>(File.ReadAllText(result.TranslationPath), DubAgentJson.Options)!;
        Assert.Equal(12, translation.Segments.Count);
        Assert.Equal(("en", "es", "apertium", 2), (translation.SourceLanguage, translation.TargetLanguage, translation.Engine, translation.NumSpeakers));
        Assert.Equal(12, result.Segments);
        Assert.Equal(result.WithinBudget / 12.0, result.WithinBudgetShare, 3);
        Assert.Equal(4, result.Preview.Count);
        Assert.Equal("apertium", context.Report.Engine);
        Assert.NotNull(context.Report.EngineVersion);
        Assert.DoesNotContain(Directory.GetFiles(context.WorkDirectory), f => f.Contains(".partial"));
        var json = File.ReadAllText(result.TranslationPath);
        Assert.Contains("\"target_text\"", json);
        Assert.Contains("\"budget_syllables\"", json);
        Assert.Contains("\"fit_ratio\"", json);
    }

    [Fact]
    public async Task Llm_runs_against_an_openai_compatible_endpoint_and_caches_profiles_in_the_job()
    {
        using var server = new LocalChatServer((request, _) =>
        {
            var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
            var first = messages.First(m => m.GetProperty("role").GetString() == "user").GetProperty("content").ToString();
            if (first.Contains("Describe how this speaker talks")) return new ServerReply(200, LocalChatServer.Completion(Profile));
            var ids = Regex.Matches(first, "\"id\":\\s*\"(seg_\\d+)\"").Select(m => m.Groups[1].Value);
            return new ServerReply(200, LocalChatServer.Completion(Answer(ids, Fitting)));
        });
        await using var services = Services(new() { ["Llm:BaseUrl"] = server.BaseUrl, ["Llm:Model"] = "local-model", ["Llm:ApiKey"] = "k" });
        var context = Context(services);
        var result = await Invoke(services, new TranslateArguments
        {
            Transcript = _transcript, TargetLanguage = "es", StyleNotes = "keep it light", Glossary = new() { ["map"] = "plano" },
        }, context);

        Assert.Equal("llm", result.Engine); // the first engine that can run is the default
        Assert.Equal((12, 12, 0, 0), (result.Segments, result.WithinBudget, result.Flagged, result.FallbackSegments));
        Assert.True(File.Exists(Path.Combine(context.JobDirectory, "cache", "translate", "speaker_profiles.json")));
        Assert.All(server.Requests, r => Assert.Equal("local-model", r.Body.GetProperty("model").GetString()));
        var window = server.Requests.First(r => r.Body.GetProperty("messages").ToString().Contains("Translate these"));
        Assert.Contains("keep it light", window.Body.GetProperty("messages").ToString());
        Assert.Contains("map => plano", window.Body.GetProperty("messages").ToString());
    }

    /// <summary>An endpoint answering like a model: profiles, and windows with fitting lines unless <paramref name="refuse"/> says no.</summary>
    private static LocalChatServer Endpoint(Func<IReadOnlyList<string>, int, ServerReply?>? refuse = null) => new((request, n) =>
    {
        var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
        var first = messages.First(m => m.GetProperty("role").GetString() == "user").GetProperty("content").ToString();
        if (first.Contains("Describe how this speaker talks")) return new ServerReply(200, LocalChatServer.Completion(Profile));
        var ids = Regex.Matches(first, "\"id\":\\s*\"(seg_\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        return refuse?.Invoke(ids, n) ?? new ServerReply(200, LocalChatServer.Completion(Answer(ids, Fitting)));
    });

    [Fact]
    public async Task Llm_falls_back_to_apertium_for_a_window_the_endpoint_cannot_answer()
    {
        using var server = Endpoint((ids, _) => ids.Contains("seg_0009")
            ? new ServerReply(200, LocalChatServer.Completion("Sorry, I can only help with cooking."))
            : null);
        await using var services = Services(new() { ["Llm:BaseUrl"] = server.BaseUrl, ["Llm:Model"] = "m" });
        var context = Context(services);
        var result = await Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "llm" }, context);

        var translation = JsonSerializer.Deserialize<DubAgent.Abstractions.Domain.Translation>(File.ReadAllText(result.TranslationPath), DubAgentJson.Options)!;
        var fallen = translation.Segments.Where(s => s.Engine == "apertium").ToList();
        Assert.Contains(fallen, s => s.Id == "seg_0009");
        Assert.Equal(fallen.Count, result.FallbackSegments);
        Assert.All(fallen, s => Assert.StartsWith("fallback:", s.Flag));
        Assert.All(translation.Segments.Except(fallen), s => Assert.Equal("llm", s.Engine));
        Assert.Contains(context.Report.Notes, n => n.Contains("fell back"));
    }

    [Fact]
    public async Task Llm_waits_out_a_429_from_the_endpoint_and_retries()
    {
        using var server = Endpoint((ids, n) => n == 3
            ? new ServerReply(429, LocalChatServer.Error("Rate limit reached", "requests"), new Dictionary<string, string> { ["Retry-After"] = "0" })
            : null);
        await using var services = Services(new() { ["Llm:BaseUrl"] = server.BaseUrl, ["Llm:Model"] = "m" });
        var result = await Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "llm" }, Context(services));

        Assert.Equal((12, 0, 0), (result.Segments, result.Flagged, result.FallbackSegments));
        // Two profiles, the refused window request, its retry, and the other windows.
        Assert.Equal(server.Requests[2].Body.ToString(), server.Requests[3].Body.ToString());
    }

    [Fact]
    public async Task Model_client_uses_the_callers_model_and_needs_one()
    {
        await using var services = Services(); // no endpoint configured
        var missing = await Assert.ThrowsAsync<InputException>(() =>
            Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Model = "client" }, Context(services)));
        Assert.Contains("sampling", missing.Message);

        var caller = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile : Answer(AskedIds(r), Fitting));
        var result = await Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Model = "client" }, Context(services, caller));
        Assert.Equal("llm", result.Engine);
        Assert.True(caller.Count("window") > 0);
    }

    [Fact]
    public async Task Llm_without_configuration_says_what_to_set()
    {
        await using var services = Services();
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "llm" }, Context(services)));
        Assert.Contains("DUBAGENT_LLM_MODEL", error.Hint);
    }

    [Fact]
    public async Task Bad_inputs_are_clear_errors()
    {
        await using var services = Services();
        var context = Context(services);
        await Assert.ThrowsAsync<InputException>(() => Invoke(services, new TranslateArguments { Transcript = Path.Combine(_folder, "none.json"), TargetLanguage = "es" }, context));
        var same = await Assert.ThrowsAsync<InputException>(() => Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "en" }, context));
        Assert.Contains("already in 'en'", same.Message);
        await Assert.ThrowsAsync<InputException>(() => Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es; rm" }, context));
        await Assert.ThrowsAsync<InputException>(() => Invoke(services, new TranslateArguments { Transcript = "", TargetLanguage = "es" }, context));
        var elsewhere = await Assert.ThrowsAsync<InputException>(() =>
            Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "apertium", Output = _transcript }, context));
        Assert.Contains("plain file name", elsewhere.Message);
        var broken = Path.Combine(_folder, "broken.json");
        File.WriteAllText(broken, "{ \"segments\": [ {\"start\": ");
        var error = await Assert.ThrowsAsync<InputException>(() => Invoke(services, new TranslateArguments { Transcript = broken, TargetLanguage = "es" }, context));
        Assert.Contains("broken.json", error.Message);
    }

    [Fact]
    public async Task A_target_no_engine_here_reaches_stops_before_translating_as_bad_input()
    {
        await using var services = Services();
        var context = Context(services);
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "ja" }, context));
        Assert.Equal("input", error.Kind);
        Assert.Matches(@"translates en -> ja \(reachable from en: [a-z, ]*\bes\b", error.Message);
        Assert.Contains("DUBAGENT_LLM_MODEL", error.Hint);
        Assert.False(File.Exists(Path.Combine(context.WorkDirectory, "translation.json")));
    }

    [Fact]
    public async Task An_engine_that_drops_a_segment_is_stopped_by_the_guard()
    {
        await using var services = Services(extra: s => s.AddSingleton<IEngine, DroppingTranslator>());
        var context = Context(services);
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Invoke(services, new TranslateArguments { Transcript = _transcript, TargetLanguage = "es", Engine = "dropping" }, context));
        Assert.Contains("11 segments for 12", error.Message);
        Assert.False(File.Exists(Path.Combine(context.WorkDirectory, "translation.json")));
    }

    /// <summary>A deliberately broken plugin engine: merges the first two segments.</summary>
    private sealed class DroppingTranslator : ITranslator
    {
        public string Name => "dropping";
        public string Capability => Capabilities.Translate;
        public string Description => "test engine that merges segments";
        public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(EngineStatus.Ready("1"));
        public Task<bool> SupportsAsync(string s, string t, CancellationToken c) => Task.FromResult(true);

        public Task<DubAgent.Abstractions.Domain.Translation> TranslateAsync(TranslationRequest request, EngineContext context) =>
            Task.FromResult(new DubAgent.Abstractions.Domain.Translation
            {
                Segments = request.Transcript.Segments.Skip(1).Select(s => new TranslatedSegment { Id = s.Id, Speaker = s.Speaker, Start = s.Start, End = s.End, TargetText = "x" }).ToList(),
            });
    }
}
