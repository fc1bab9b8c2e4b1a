using System.Collections.Concurrent;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation;
using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Server.Live.Translation;

/// <summary>
/// Translates one finished utterance. With apertium (the default) each pair of the route runs warm in an
/// <see cref="ApertiumPipeline"/>, started on first use and shared by all sessions; any other configured translator
/// (`Live:Translator`, e.g. llm) is called through its ordinary ITranslator path with a one-segment transcript.
/// </summary>
public sealed class LiveTranslator(IEngineRegistry engines, string engineName, string workDirectory) : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Lazy<ApertiumPipeline>> _pipelines = new(StringComparer.Ordinal);

    public string EngineName => engineName;

    /// <summary>Null when the languages can be translated here, else why not and what to do.</summary>
    public async Task<DubAgentException?> CheckAsync(string source, string target, CancellationToken cancellationToken)
    {
        if (!IsApertium)
        {
            try
            {
                var (translator, _) = await engines.ResolveAsync<ITranslator>(Capabilities.Translate, engineName, cancellationToken).ConfigureAwait(false);
                return await translator.SupportsAsync(source, target, cancellationToken).ConfigureAwait(false) ? null
                    : new InputException($"The translator '{engineName}' cannot translate {source} -> {target}.", "Pick languages it supports, or set Live:Translator.");
            }
            catch (DubAgentException e)
            {
                return e;
            }
        }
        return await RouteAsync(source, target, cancellationToken).ConfigureAwait(false) is null
            ? new InputException($"No installed apertium pairs connect {source} -> {target}.",
                "Install a pair (apt-cache search apertium-), pick a target_language such as es, or set Live:Translator to another engine.")
            : null;
    }

    /// <summary>Starts the route's pipelines before the first line needs them.</summary>
    public async Task WarmAsync(string source, string target, CancellationToken cancellationToken)
    {
        if (!IsApertium || await RouteAsync(source, target, cancellationToken).ConfigureAwait(false) is not { } route) return;
        foreach (var leg in route.Legs) Pipeline(leg.Mode);
    }

    public async Task<string> TranslateAsync(string text, string source, string target, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return "";
        // Numbers the translator copied in the source's format take the target's separators, as in batch translate.
        if (!IsApertium) return NumberLocalizer.Localize(text, await ThroughEngineAsync(text, source, target, cancellationToken).ConfigureAwait(false), source, target);
        var route = await RouteAsync(source, target, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"No installed apertium pairs connect {source} -> {target}.", "Install a pair (apt-cache search apertium-).");
        var line = ApertiumSourceText.Prepare(text, source);
        foreach (var leg in route.Legs)
        {
            var raw = await Pipeline(leg.Mode).TranslateAsync(line, LineTimeout, cancellationToken).ConfigureAwait(false);
            line = UnknownWordMarks.Take(raw).Text;
        }
        return NumberLocalizer.Localize(text, line.Trim(), source, target);
    }

    private bool IsApertium => string.Equals(engineName, ApertiumTranslator.EngineName, StringComparison.OrdinalIgnoreCase);

    private async Task<ApertiumRoute?> RouteAsync(string source, string target, CancellationToken cancellationToken) =>
        engines.Find(Capabilities.Translate, ApertiumTranslator.EngineName) is ApertiumTranslator apertium
            ? await apertium.RouteAsync(source, target, cancellationToken).ConfigureAwait(false)
            : throw new EngineUnavailableException(ApertiumTranslator.EngineName, Capabilities.Translate, "the apertium engine is not registered",
                "Run the server through `dubagent serve --http`, which registers the built-in engines.");

    private ApertiumPipeline Pipeline(string mode) => _pipelines.GetOrAdd(mode, m => new Lazy<ApertiumPipeline>(() => ApertiumPipeline.Start(m))).Value;

    private async Task<string> ThroughEngineAsync(string text, string source, string target, CancellationToken cancellationToken)
    {
        var (translator, _) = await engines.ResolveAsync<ITranslator>(Capabilities.Translate, engineName, cancellationToken).ConfigureAwait(false);
        var transcript = new Transcript
        {
            Language = source,
            NumSpeakers = 1,
            Segments = [new TranscriptSegment { Id = TranscriptSegment.IdFor(0), Text = text, Start = 0, End = 1 }],
        };
        var folder = Directory.CreateDirectory(Path.Combine(workDirectory, "translate-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var translation = await translator.TranslateAsync(new TranslationRequest(transcript, target),
                new EngineContext { WorkDirectory = folder, CancellationToken = cancellationToken }).ConfigureAwait(false);
            return translation.Segments.FirstOrDefault()?.TargetText ?? "";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pipeline in _pipelines.Values.Where(p => p.IsValueCreated)) await pipeline.Value.DisposeAsync().ConfigureAwait(false);
        _pipelines.Clear();
    }
}
