using DubAgent.Abstractions.Engines;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;

namespace DubAgent.Engines.Languages;

/// <summary>
/// Per translate engine, what it reaches now and what it could: apertium's installed pairs, the targets it reaches
/// only through a pivot (with the chain), the Debian pair packages not installed yet; the chat model when configured.
/// Per synthesize engine with fetchable voices (piper), the languages its voices speak and those a pull would add.
/// </summary>
public sealed class EngineReachRows(IEngineRegistry engines, ApertiumPairPackages packages)
{
    public async Task<IReadOnlyList<EngineReachRow>> ForAllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<EngineReachRow>();
        foreach (var engine in engines.ForCapability(Capabilities.Translate).OfType<ITranslator>())
        {
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            switch (engine)
            {
                case ApertiumTranslator apertium:
                    rows.AddRange(await ApertiumAsync(apertium, status.Available, cancellationToken).ConfigureAwait(false));
                    break;
                case LlmTranslator llm:
                    rows.Add(status.Available
                        ? new EngineReachRow(engine.Name, "configured", $"any language -> any language ({status.Version})")
                        : llm.Settings.IsConfigured
                            ? new EngineReachRow(engine.Name, "configured, unreachable", $"none now ({status.Detail}); any language once it answers")
                            : new EngineReachRow(engine.Name, "not configured", "any language once configured: " + LlmTranslator.InstallHint));
                    break;
                case ITranslationReach reach when status.Available:
                    rows.Add(new EngineReachRow(engine.Name, "installed", $"any source -> {await reach.TargetsAsync(null, cancellationToken).ConfigureAwait(false)}"));
                    break;
                default:
                    rows.Add(new EngineReachRow(engine.Name, status.Available ? "installed" : "not installed",
                        status.Available ? "answers pair by pair" : status.InstallHint ?? status.Detail ?? ""));
                    break;
            }
        }
        return rows;
    }

    /// <summary>
    /// Per synthesize engine whose voices each speak one language and can be fetched (piper): the languages its voices
    /// here speak, and those it could speak with the model store's `dubagent models pull`.
    /// </summary>
    public async Task<IReadOnlyList<EngineReachRow>> SpeakersAsync(CancellationToken cancellationToken)
    {
        var rows = new List<EngineReachRow>();
        foreach (var engine in engines.ForCapability(Capabilities.Synthesize).OfType<ISynthesizer>())
        {
            if (engine is not ILanguageVoiceHint fetchable) continue;
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            var spoken = status.Available
                ? LanguageSet.Of((await engine.ListVoicesAsync(cancellationToken).ConfigureAwait(false)).SelectMany(v => v.Languages))
                : LanguageSet.None;
            rows.Add(new EngineReachRow(engine.Name, "voices here", status.Available ? spoken.ToString() : $"none ({status.Detail})"));
            var more = fetchable.FetchableVoices.Where(v => !spoken.Contains(v.Key)).Select(v => $"{v.Key} ({v.Value} and {v.Value}-config)").ToList();
            if (more.Count > 0) rows.Add(new EngineReachRow(engine.Name, "with `dubagent models pull`", string.Join(", ", more)));
        }
        return rows;
    }

    private async Task<IReadOnlyList<EngineReachRow>> ApertiumAsync(ApertiumTranslator apertium, bool available, CancellationToken cancellationToken)
    {
        var name = apertium.Name;
        var pairs = available ? await apertium.PairsAsync(cancellationToken).ConfigureAwait(false) : [];
        var rows = new List<EngineReachRow>
        {
            new(name, "installed pairs", pairs.Count == 0 ? "none" : string.Join("; ", pairs.GroupBy(p => p.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} -> {string.Join(", ", g.Select(p => p.Target).Distinct().Order(StringComparer.Ordinal))}"))),
        };
        var pivoted = new List<string>();
        foreach (var source in pairs.Select(p => p.Source).Distinct().Order(StringComparer.Ordinal))
        {
            var routes = ApertiumRoute.Targets(pairs, source).Select(t => ApertiumRoute.Find(pairs, source, t)).OfType<ApertiumRoute>()
                .Where(r => !r.IsDirect).Select(r => $"{r.Legs[^1].Target} ({r.Chain})").ToList();
            if (routes.Count > 0) pivoted.Add($"{source} -> {string.Join(", ", routes)}");
        }
        rows.Add(new EngineReachRow(name, "through a pivot", pivoted.Count == 0 ? "none" : string.Join("; ", pivoted)));

        var installed = pairs.Select(p => (p.Source, p.Target)).ToHashSet();
        var installable = (await packages.AllAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => !installed.Contains((p.First, p.Second)) && !installed.Contains((p.Second, p.First)))
            .Select(p => $"{p.Name} ({p.First}<->{p.Second})").ToList();
        rows.Add(new EngineReachRow(name, "installable (Debian)", installable.Count == 0 ? "none found (apt-cache search apertium-)" : string.Join(", ", installable)));
        return rows;
    }
}
