using System.Text.Json.Nodes;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Core.Processes;
using DubAgent.Engines.Tests.Reach;
using DubAgent.Engines.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>translate's preflight with the real apertium (Debian's eng-spa pair installed): what can and cannot be reached.</summary>
public sealed class TranslatePreflightTests
{
    private static readonly Dictionary<string, string?> ConfiguredLlm = new()
    {
        ["Llm:Model"] = "tiny-model",
        ["Llm:BaseUrl"] = "http://127.0.0.1:9/v1",
    };

    private static ServiceProvider Services(Dictionary<string, string?>? settings = null, IProcessRunner? runner = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddSingleton<IProcessRunner>(runner ?? new RecordedAptCache());
        services.AddTranslation();
        return services.BuildServiceProvider();
    }

    private static Task Preflight(IServiceProvider services, JsonObject arguments) =>
        ((IPreflightTool)services.GetServices<ITool>().Single(t => t.Name == "translate")).PreflightAsync(arguments, services, CancellationToken.None);

    [Fact]
    public async Task Japanese_with_only_apertium_is_refused_as_bad_input_listing_what_is_reachable()
    {
        await using var services = Services();
        var error = await Assert.ThrowsAsync<InputException>(() => Preflight(services, new JsonObject { ["target_language"] = "ja" }));

        Assert.Equal("input", error.Kind);
        Assert.Contains("Cannot translate with 'apertium'", error.Message);
        Assert.Contains("translates into 'ja'", error.Message);
        // Other installed pairs add targets on some machines; en and es always are.
        Assert.Matches(@"reachable targets: (\w+, )*en, (\w+, )*es\b", error.Message);
        Assert.Contains("Debian has no apertium pair for any language -> ja", error.Message);
        Assert.Contains("DUBAGENT_LLM_MODEL", error.Hint);
    }

    [Fact]
    public async Task Spanish_passes_and_so_does_an_unknown_target()
    {
        await using var services = Services();
        await Preflight(services, new JsonObject { ["target_language"] = "es" });
        await Preflight(services, new JsonObject { ["target_language"] = "es", ["engine"] = "apertium" });
        await Preflight(services, new JsonObject());
        await Preflight(services, new JsonObject { ["transcript"] = null, ["target_language"] = null });
    }

    [Fact]
    public async Task A_missing_apertium_pair_names_the_debian_package_that_adds_it()
    {
        await using var services = Services();
        var error = await Assert.ThrowsAsync<InputException>(() => Preflight(services, new JsonObject { ["target_language"] = "ca" }));
        Assert.Contains("Debian's apertium pair from the source language", error.Hint);
        Assert.Contains("apertium-eng-cat", error.Hint);
        Assert.Contains("apertium-spa-cat", error.Hint);
    }

    [Fact]
    public async Task A_configured_chat_model_reaches_any_language_unless_apertium_is_named()
    {
        using var endpoint = new LocalChatServer((_, _) => new ServerReply(200, LocalChatServer.Completion("{}")));
        await using var services = Services(new() { ["Llm:Model"] = "tiny-model", ["Llm:BaseUrl"] = endpoint.BaseUrl });
        await Preflight(services, new JsonObject { ["target_language"] = "ja" });
        await Preflight(services, new JsonObject { ["target_language"] = "ja", ["engine"] = "llm" });

        var error = await Assert.ThrowsAsync<InputException>(() =>
            Preflight(services, new JsonObject { ["target_language"] = "ja", ["engine"] = "apertium" }));
        Assert.StartsWith("Use engine 'llm', which translates it", error.Hint);
        Assert.DoesNotContain("DUBAGENT_LLM_MODEL", error.Hint);
    }

    [Fact]
    public async Task A_configured_endpoint_that_does_not_answer_is_refused_before_work_when_named_and_left_out_when_not()
    {
        await using var services = Services(ConfiguredLlm); // port 9: nothing listens
        var named = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Preflight(services, new JsonObject { ["target_language"] = "ja", ["engine"] = "llm" }));
        Assert.Contains("unreachable", named.Message);
        Assert.Contains("http://127.0.0.1:9/v1", named.Message);

        // Not named: the recipe's fallback (apertium) is what reaches, and a language only the model would reach is refused with why.
        await Preflight(services, new JsonObject { ["target_language"] = "es" });
        var unreachable = await Assert.ThrowsAsync<InputException>(() => Preflight(services, new JsonObject { ["target_language"] = "ja" }));
        Assert.Contains("'llm' engine's endpoint answer", unreachable.Hint);
        Assert.Contains("does not answer", unreachable.Hint);
    }

    [Fact]
    public async Task The_callers_model_takes_any_language_but_only_with_engine_llm()
    {
        await using var services = Services();
        await Preflight(services, new JsonObject { ["target_language"] = "ja", ["model"] = "client" });
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Preflight(services, new JsonObject { ["target_language"] = "ja", ["model"] = "client", ["engine"] = "apertium" }));
        Assert.Contains("engine 'llm' only", error.Message);
    }

    [Fact]
    public async Task Bad_codes_unknown_engines_and_unconfigured_engines_fail_before_the_run()
    {
        await using var services = Services();
        await Assert.ThrowsAsync<InputException>(() => Preflight(services, new JsonObject { ["target_language"] = "es; rm" }));
        var unknown = await Assert.ThrowsAsync<InputException>(() => Preflight(services, new JsonObject { ["engine"] = "babelfish" }));
        Assert.Contains("babelfish", unknown.Message);
        var llm = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Preflight(services, new JsonObject { ["target_language"] = "es", ["engine"] = "llm" }));
        Assert.Contains("DUBAGENT_LLM_MODEL", llm.Hint);
    }

    [Fact]
    public async Task Asking_again_starts_no_process()
    {
        var runner = new CountingRunner();
        await using var provider = Services(runner: runner);

        await Preflight(provider, new JsonObject { ["target_language"] = "es" });
        var first = runner.Runs;
        await Assert.ThrowsAsync<InputException>(() => Preflight(provider, new JsonObject { ["target_language"] = "ja" }));
        var afterRefusal = runner.Runs;
        await Preflight(provider, new JsonObject { ["target_language"] = "es" });
        await Assert.ThrowsAsync<InputException>(() => Preflight(provider, new JsonObject { ["target_language"] = "ja" }));
        Assert.True(first > 0, "the first preflight asks apertium for its pairs");
        Assert.Equal(afterRefusal, runner.Runs);
    }

    private sealed class CountingRunner : IProcessRunner
    {
        private readonly RecordedAptCache _inner = new();
        private int _runs;

        public int Runs => _runs;

        public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return _inner.RunAsync(request, cancellationToken);
        }
    }
}
