using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Languages;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Translation.Llm;

// The record, not this namespace (DubAgent.Engines.Translation would shadow it).
using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// The `llm` engine: the planner over a chat model, either the configured OpenAI-compatible endpoint or, with option
/// model=client, the calling MCP client's own model through sampling. A failed window falls back to the next
/// translate engine that can run the language pair.
/// </summary>
public sealed class LlmTranslator(IConfiguration configuration, IServiceProvider services) : ITranslator, ITranslationReach
{
    public const string EngineName = "llm";

    /// <summary>The `model` value that picks the calling MCP client's own model.</summary>
    public const string ClientModel = "client";

    /// <summary>How to make the engine available (the README's "Translation with an LLM").</summary>
    public const string InstallHint =
        "Set DUBAGENT_LLM_MODEL (plus DUBAGENT_LLM_BASE_URL and DUBAGENT_LLM_API_KEY for endpoints other than OpenAI; see docs/translation.md), "
        + "or call translate from an MCP client that offers sampling with model: client.";

    public string Name => EngineName;

    public string Capability => Capabilities.Translate;

    public string Description =>
        "Tone-preserving translation planner over a chat model (any OpenAI-compatible endpoint, or the calling MCP client's "
        + "model with model: client): keeps speakers' tone, uses scene context, and rewords lines to fit their time slots.";

    public LlmSettings Settings => LlmSettings.From(configuration);

    /// <summary>Configured and answering: the endpoint is asked once (a short GET of its model list) before any work,
    /// so an unreachable one makes the engine unavailable and a recipe falls back to its next engine, saying why.</summary>
    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        if (!settings.IsConfigured) return EngineStatus.Missing("no chat model is configured", InstallHint);
        if (await EndpointProbe.ProblemAsync(settings, cancellationToken).ConfigureAwait(false) is { } problem)
            return EngineStatus.Missing($"the configured endpoint is unreachable: {problem}",
                "Start the server (for Ollama: `ollama serve`) or fix DUBAGENT_LLM_BASE_URL / DUBAGENT_LLM_API_KEY (docs/translation.md).");
        return EngineStatus.Ready($"{settings.Model}@{settings.EffectiveBaseUrl}", $"OpenAI-compatible chat: {settings.Model} at {settings.EffectiveBaseUrl}");
    }

    /// <summary>A chat model translates any pair it knows; whether it knows it well is the model's business.</summary>
    public Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        Task.FromResult(!string.Equals(sourceLanguage, targetLanguage, StringComparison.OrdinalIgnoreCase));

    public Task<LanguageSet> SourcesAsync(CancellationToken cancellationToken) => Task.FromResult(LanguageSet.Every);

    public Task<LanguageSet> TargetsAsync(string? source, CancellationToken cancellationToken) => Task.FromResult(LanguageSet.Every);

    public async Task<Translation> TranslateAsync(TranslationRequest request, EngineContext context)
    {
        var model = Option(request, "model");
        using var owned = string.Equals(model, ClientModel, StringComparison.OrdinalIgnoreCase) ? null : CreateEndpointClient(model);
        var chat = owned ?? context.CallerChat
            ?? throw new InputException("model 'client' needs the calling MCP client's model, and this call has none.",
                "Call translate from an MCP client that offers sampling, or leave 'model' empty to use the configured endpoint (DUBAGENT_LLM_MODEL).");

        var planner = new LlmPlanner(chat, OptionsFor(request), context.Logger);
        var fallback = await FallbackAsync(request, context.CancellationToken).ConfigureAwait(false);
        var cacheDirectory = Option(request, "cache_directory") ?? context.WorkDirectory;
        var result = await planner.TranslateAsync(request, context, EngineName, fallback,
            Path.Combine(cacheDirectory, "speaker_profiles.json")).ConfigureAwait(false);
        return result.Translation;
    }

    public PlannerOptions OptionsFor(TranslationRequest request)
    {
        var defaults = new PlannerOptions();
        var settings = Settings;
        return defaults with
        {
            MaxRounds = Int(Option(request, "max_rounds")) ?? settings.MaxRounds ?? defaults.MaxRounds,
            MaxWindowSegments = Int(Option(request, "window_segments")) ?? settings.WindowSegments ?? defaults.MaxWindowSegments,
        };
    }

    private IChatClient CreateEndpointClient(string? model)
    {
        var settings = Settings;
        if (!string.IsNullOrWhiteSpace(model)) settings = settings with { Model = model };
        if (!settings.IsConfigured)
            throw new EngineUnavailableException(EngineName, Capabilities.Translate, "no chat model is configured", InstallHint);
        return EndpointChatClient.Create(settings);
    }

    /// <summary>The next translate engine after this one that can run here and handles the pair (resolved late: the registry holds this engine).</summary>
    private async Task<ITranslator?> FallbackAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var registry = services.GetService<IEngineRegistry>();
        if (registry is null) return null;
        foreach (var engine in registry.ForCapability(Capabilities.Translate).OfType<ITranslator>())
        {
            if (engine.Name == EngineName) continue;
            if (!(await registry.StatusAsync(engine, cancellationToken).ConfigureAwait(false)).Available) continue;
            if (await engine.SupportsAsync(request.Transcript.Language, request.TargetLanguage, cancellationToken).ConfigureAwait(false)) return engine;
        }
        return null;
    }

    private static string? Option(TranslationRequest request, string key) =>
        request.Options?.TryGetValue(key, out var value) == true && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;
}
