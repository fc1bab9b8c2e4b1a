using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Languages;

/// <summary>
/// Which languages can be reached with what is installed and configured here: translated (apertium's installed pairs,
/// any pair for a configured chat model, a plugin's own answer) and spoken (the synthesizers' voices). An unreachable
/// language is an <see cref="InputException"/> (exit code 2) naming what is reachable and what would reach it.
/// The engines and the registry cache what they ask their programs, so after the first call no process is started.
/// </summary>
public sealed class LanguageReach(IEngineRegistry engines, UnreachableLanguage refusals, EngineReachRows byEngine) : ILanguageReachReport
{
    /// <summary>The summary's rows, for list_engines (the Server knows the report, not the engines).</summary>
    public async Task<IReadOnlyList<LanguageReachLine>> LinesAsync(CancellationToken cancellationToken) =>
        (await SummaryAsync(cancellationToken).ConfigureAwait(false)).Rows().Select(r => new LanguageReachLine(r.What.Trim(), r.Languages)).ToList();

    /// <summary>The languages <paramref name="source"/> (any source when null) can be translated into, by the named
    /// engine or by every translate engine that can run here.</summary>
    public async Task<LanguageSet> TranslatableAsync(string? source, string? engine, CancellationToken cancellationToken) =>
        await TargetsAsync(await TranslatorsAsync(engine, cancellationToken).ConfigureAwait(false), source, cancellationToken).ConfigureAwait(false);

    /// <summary>The languages the named synthesizer, or any that can run here, speaks.</summary>
    public async Task<LanguageSet> SpokenAsync(string? engine, CancellationToken cancellationToken) =>
        await SpokenAsync(await SynthesizersAsync(engine, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Throws unless the named engine (or some engine that can run here) translates source into target;
    /// an unknown source (null) passes when some source reaches the target.</summary>
    public async Task RequireTranslationAsync(string? source, string target, string? engine, CancellationToken cancellationToken)
    {
        var translators = await TranslatorsAsync(engine, cancellationToken).ConfigureAwait(false);
        foreach (var translator in translators)
            if (await ReachesAsync(translator, source, target, cancellationToken).ConfigureAwait(false)) return;
        var reachable = await TargetsAsync(translators, source, cancellationToken).ConfigureAwait(false);
        var others = engine is null ? [] : await OthersAsync<ITranslator>(Capabilities.Translate, engine,
            t => ReachesAsync(t, source, target, cancellationToken), cancellationToken).ConfigureAwait(false);
        throw await refusals.TranslationAsync(source, target, engine, translators.Select(t => t.Name).ToList(), reachable, others, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Throws unless the named synthesizer (or some synthesizer that can run here) has a voice for the language.</summary>
    public async Task RequireSpeechAsync(string language, string? engine, CancellationToken cancellationToken)
    {
        var synthesizers = await SynthesizersAsync(engine, cancellationToken).ConfigureAwait(false);
        foreach (var synthesizer in synthesizers)
            if ((await SpokenByAsync(synthesizer, cancellationToken).ConfigureAwait(false)).Contains(language)) return;
        var spoken = await SpokenAsync(synthesizers, cancellationToken).ConfigureAwait(false);
        var others = engine is null ? [] : await OthersAsync<ISynthesizer>(Capabilities.Synthesize, engine,
            async s => (await SpokenByAsync(s, cancellationToken).ConfigureAwait(false)).Contains(language), cancellationToken).ConfigureAwait(false);
        throw await refusals.SpeechAsync(language, synthesizers.Select(s => s.Name).ToList(), spoken, others, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everything reachable with the engines that can run here; an engine whose languages cannot be read counts as reaching none.</summary>
    public async Task<ReachSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var translators = await AvailableAsync<ITranslator>(Capabilities.Translate, cancellationToken).ConfigureAwait(false);
        var synthesizers = await AvailableAsync<ISynthesizer>(Capabilities.Synthesize, cancellationToken).ConfigureAwait(false);
        var spoken = await Safely(() => SpokenAsync(synthesizers, cancellationToken), LanguageSet.None).ConfigureAwait(false);
        var sources = LanguageSet.None;
        foreach (var reach in translators.OfType<ITranslationReach>())
            sources = sources.Union(await Safely(() => reach.SourcesAsync(cancellationToken), LanguageSet.None).ConfigureAwait(false));
        var rows = new List<SourceReach>();
        foreach (var source in sources.Codes)
        {
            var targets = await Safely(() => TargetsAsync(translators, source, cancellationToken), LanguageSet.None).ConfigureAwait(false);
            rows.Add(new SourceReach(source, targets, targets.Intersect(spoken).Without(source)));
        }
        return new ReachSummary(translators.Select(t => t.Name).ToList(), synthesizers.Select(s => s.Name).ToList(), spoken, sources.Any, rows)
        {
            ByEngine = await Safely<IReadOnlyList<EngineReachRow>>(() => byEngine.ForAllAsync(cancellationToken), []).ConfigureAwait(false),
            SpokenByEngine = await Safely<IReadOnlyList<EngineReachRow>>(() => byEngine.SpeakersAsync(cancellationToken), []).ConfigureAwait(false),
        };
    }

    private static async Task<bool> ReachesAsync(ITranslator translator, string? source, string target, CancellationToken cancellationToken)
    {
        if (translator is ITranslationReach reach)
            return (await reach.TargetsAsync(source, cancellationToken).ConfigureAwait(false)).Contains(target);
        // An engine that only answers pair by pair cannot be asked about an unknown source: it is not refused.
        return source is null || await translator.SupportsAsync(source, target, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LanguageSet> TargetsAsync(IReadOnlyList<ITranslator> translators, string? source, CancellationToken cancellationToken)
    {
        var targets = LanguageSet.None;
        foreach (var translator in translators)
        {
            if (translator is ITranslationReach reach)
                targets = targets.Union(await reach.TargetsAsync(source, cancellationToken).ConfigureAwait(false));
            else if (source is not null)
                targets = targets.Union(await ProbedTargetsAsync(translator, source, cancellationToken).ConfigureAwait(false));
        }
        return source is null ? targets : targets.Without(source);
    }

    /// <summary>A plugin translator that only answers pair by pair is asked about the languages that can be spoken here.</summary>
    private async Task<LanguageSet> ProbedTargetsAsync(ITranslator translator, string source, CancellationToken cancellationToken)
    {
        var spoken = await Safely(async () => await SpokenAsync(
            await AvailableAsync<ISynthesizer>(Capabilities.Synthesize, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
            LanguageSet.None).ConfigureAwait(false);
        var reached = new List<string>();
        foreach (var code in spoken.Codes)
            if (await translator.SupportsAsync(source, code, cancellationToken).ConfigureAwait(false)) reached.Add(code);
        return LanguageSet.Of(reached);
    }

    private static async Task<LanguageSet> SpokenAsync(IReadOnlyList<ISynthesizer> synthesizers, CancellationToken cancellationToken)
    {
        var spoken = LanguageSet.None;
        foreach (var synthesizer in synthesizers) spoken = spoken.Union(await SpokenByAsync(synthesizer, cancellationToken).ConfigureAwait(false));
        return spoken;
    }

    /// <summary>A voice that lists no languages speaks any (OpenAI's voices are multilingual), as the caster treats it.</summary>
    private static async Task<LanguageSet> SpokenByAsync(ISynthesizer synthesizer, CancellationToken cancellationToken)
    {
        var voices = await synthesizer.ListVoicesAsync(cancellationToken).ConfigureAwait(false);
        return voices.Any(v => v.Languages.Count == 0) ? LanguageSet.Every : LanguageSet.Of(voices.SelectMany(v => v.Languages));
    }

    private Task<IReadOnlyList<ITranslator>> TranslatorsAsync(string? engine, CancellationToken cancellationToken) =>
        EnginesAsync<ITranslator>(Capabilities.Translate, engine, cancellationToken);

    private Task<IReadOnlyList<ISynthesizer>> SynthesizersAsync(string? engine, CancellationToken cancellationToken) =>
        EnginesAsync<ISynthesizer>(Capabilities.Synthesize, engine, cancellationToken);

    /// <summary>The named engine, or every engine of the capability that can run here; the registry's own errors when
    /// the name is unknown, the engine is not installed, or none can run.</summary>
    private async Task<IReadOnlyList<T>> EnginesAsync<T>(string capability, string? engine, CancellationToken cancellationToken) where T : class, IEngine
    {
        if (engine is not null) return [(await engines.ResolveAsync<T>(capability, engine, cancellationToken).ConfigureAwait(false)).Engine];
        var available = await AvailableAsync<T>(capability, cancellationToken).ConfigureAwait(false);
        if (available.Count == 0) await engines.ResolveAsync<T>(capability, null, cancellationToken).ConfigureAwait(false);
        return available;
    }

    private async Task<IReadOnlyList<T>> AvailableAsync<T>(string capability, CancellationToken cancellationToken) where T : class, IEngine
    {
        var available = new List<T>();
        foreach (var engine in engines.ForCapability(capability).OfType<T>())
            if ((await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false)).Available) available.Add(engine);
        return available;
    }

    /// <summary>Engines other than the named one that can run here and would do.</summary>
    private async Task<IReadOnlyList<string>> OthersAsync<T>(string capability, string named, Func<T, Task<bool>> would,
        CancellationToken cancellationToken) where T : class, IEngine
    {
        var others = new List<string>();
        foreach (var engine in await AvailableAsync<T>(capability, cancellationToken).ConfigureAwait(false))
            if (!string.Equals(engine.Name, named, StringComparison.OrdinalIgnoreCase) && await Safely(() => would(engine), false).ConfigureAwait(false))
                others.Add(engine.Name);
        return others;
    }

    private static async Task<TValue> Safely<TValue>(Func<Task<TValue>> ask, TValue fallback)
    {
        try
        {
            return await ask().ConfigureAwait(false);
        }
        catch (DubAgentException)
        {
            return fallback;
        }
    }
}
