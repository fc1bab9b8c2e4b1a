using System.ComponentModel;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Server.Tools;

public sealed class ListEnginesArguments
{
    [Description("Only this capability's engines: separate, transcribe, diarize, translate or synthesize. Omit for all.")]
    public string? Capability { get; init; }
}

public sealed record EngineEntry(
    [property: Description("The name to pass as a tool's `engine` argument.")] string Name,
    string Capability,
    bool Available,
    string? Version,
    [property: Description("true for the engine a capability tool uses when `engine` is omitted.")] bool Default,
    string Description,
    [property: Description("Why it cannot run here.")] string? Missing,
    [property: Description("The command that installs it.")] string? Install);

public sealed record ListEnginesResult(int Count, int Available, IReadOnlyList<EngineEntry> Engines)
{
    [Description("The languages reachable now, per engine: translate pairs installed, through a pivot, installable; a configured chat model; the voices; what a dub reaches from each source.")]
    public IReadOnlyList<LanguageReachLine>? Languages { get; init; }
}

/// <summary>
/// list_engines: every engine with whether it can run here and, if not, how to install it. The languages reachable are
/// worked out once and kept while the translate and synthesize engines that can run stay the same, for at most
/// <paramref name="languagesLifetime"/> (a voice model downloaded meanwhile shows after it): a call is then a lookup.
/// </summary>
public sealed class ListEnginesTool(IEngineRegistry engines, ILanguageReachReport? reach = null, TimeSpan? languagesLifetime = null)
    : Tool<ListEnginesArguments, ListEnginesResult>, IServerTool
{
    private KeptLanguages? _languages;

    public override string Name => "list_engines";

    public override string Description =>
        "Lists the engines behind each capability (separate, transcribe, diarize, translate, synthesize) in order of preference, " +
        "with whether each can run on this machine, its version, and the install command when it cannot. " +
        "The first available engine of a capability is the default; pass another one's name as the `engine` argument of " +
        "separate_audio, transcribe, diarize, translate or synthesize. `languages` lists the languages reachable now per engine. Call this first when planning a dub.";

    public ServerToolKind Kind => ServerToolKind.Query;

    public override async Task<ListEnginesResult> InvokeAsync(ListEnginesArguments arguments, ToolContext context)
    {
        var capabilities = arguments.Capability is { } wanted
            ? Capabilities.All.Contains(wanted)
                ? [wanted]
                : throw new InputException($"Unknown capability '{wanted}'.", $"Use one of: {string.Join(", ", Capabilities.All)}.")
            : engines.All.Select(e => e.Capability).Distinct().ToList();
        var entries = new List<EngineEntry>();
        foreach (var capability in capabilities)
        {
            var foundDefault = false;
            foreach (var engine in engines.ForCapability(capability))
            {
                var status = await engines.StatusAsync(engine, context.CancellationToken).ConfigureAwait(false);
                var isDefault = status.Available && !foundDefault;
                foundDefault |= isDefault;
                entries.Add(new EngineEntry(engine.Name, capability, status.Available, status.Version, isDefault, engine.Description,
                    status.Available ? null : status.Detail, status.Available ? null : status.InstallHint));
            }
        }
        var languages = reach is not null && capabilities.Any(c => c is Capabilities.Translate or Capabilities.Synthesize)
            ? await LanguagesAsync(reach, context.CancellationToken).ConfigureAwait(false)
            : null;
        return new ListEnginesResult(entries.Count, entries.Count(e => e.Available), entries) { Languages = languages };
    }

    private async Task<IReadOnlyList<LanguageReachLine>> LanguagesAsync(ILanguageReachReport report, CancellationToken cancellationToken)
    {
        var key = new System.Text.StringBuilder();
        foreach (var engine in engines.ForCapability(Capabilities.Translate).Concat(engines.ForCapability(Capabilities.Synthesize)))
            key.Append((await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false)).Available ? '1' : '0');
        var lifetime = languagesLifetime ?? TimeSpan.FromMinutes(1);
        if (_languages is { } kept && kept.Key == key.ToString() && System.Diagnostics.Stopwatch.GetElapsedTime(kept.Made) < lifetime)
            return kept.Lines;
        var made = System.Diagnostics.Stopwatch.GetTimestamp();
        var lines = await report.LinesAsync(cancellationToken).ConfigureAwait(false);
        _languages = new KeptLanguages(key.ToString(), made, lines);
        return lines;
    }

    private sealed record KeptLanguages(string Key, long Made, IReadOnlyList<LanguageReachLine> Lines);
}
