using DubAgent.Abstractions.Engines;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;

namespace DubAgent.Engines.Languages;

/// <summary>
/// Per translate engine, what it reaches now and what it could: apertium's installed pairs, the targets it reaches
/// only through a pivot (with the chain), the Debian pair packages not installed yet; the chat model when configured.
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
