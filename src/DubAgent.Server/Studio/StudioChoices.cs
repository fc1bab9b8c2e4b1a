using DubAgent.Abstractions.Engines;
using DubAgent.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

public sealed record EngineChoice(string Name, bool Available, string? Missing, string? Install);

public sealed record LanguagePair(string Source, string Target);

public sealed record StudioOptions(
    IReadOnlyList<string> Sources, IReadOnlyList<string> Targets, IReadOnlyList<LanguagePair> Pairs,
    IReadOnlyDictionary<string, IReadOnlyList<EngineChoice>> Engines, IReadOnlyList<string> Videos, IReadOnlyList<string> Roots,
    long MaxUploadBytes, string MaxUpload);

/// <summary>
/// What the new-dub form offers, as this machine stands now: the language pairs an available translator can do, each
/// stage's engines with why one cannot run, and the videos already inside the allowed folders.
/// </summary>
public sealed class StudioChoices(DubAgentServer server, StudioSettings settings)
{
    // ISO 639-1 codes the shipped engines know of; a pair is offered only when an available translator says it can.
    private static readonly string[] Candidates = ["en", "es", "fr", "de", "it", "pt", "gl", "ca", "nl", "ro", "eo", "ru", "ja", "zh"];
    private static readonly string[] VideoExtensions = [".mp4", ".mkv", ".mov", ".webm", ".avi", ".m4v"];
    private const int MaxVideos = 200;

    private readonly Lazy<Task<IReadOnlyList<LanguagePair>>> _pairs = new(() => PairsAsync(server.Services.GetRequiredService<IEngineRegistry>()));

    public async Task<StudioOptions> GetAsync(CancellationToken cancellationToken)
    {
        var registry = server.Services.GetRequiredService<IEngineRegistry>();
        var engines = new Dictionary<string, IReadOnlyList<EngineChoice>>(StringComparer.Ordinal);
        foreach (var stage in DubRequest.Stages)
        {
            var list = new List<EngineChoice>();
            foreach (var engine in registry.ForCapability(stage))
            {
                var status = await registry.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
                list.Add(new EngineChoice(engine.Name, status.Available, status.Available ? null : status.Detail, status.Available ? null : status.InstallHint));
            }
            engines[stage] = list;
        }
        var pairs = await _pairs.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new StudioOptions(
            ["auto", .. pairs.Select(p => p.Source).Distinct()], pairs.Select(p => p.Target).Distinct().ToList(), pairs,
            engines, Videos(), server.Options.Roots, settings.MaxUploadBytes, settings.Describe());
    }

    private static async Task<IReadOnlyList<LanguagePair>> PairsAsync(IEngineRegistry registry)
    {
        var translators = new List<ITranslator>();
        foreach (var engine in registry.ForCapability("translate").OfType<ITranslator>())
            if ((await registry.StatusAsync(engine, CancellationToken.None).ConfigureAwait(false)).Available) translators.Add(engine);
        var pairs = new List<LanguagePair>();
        foreach (var source in Candidates)
            foreach (var target in Candidates.Where(t => t != source))
                foreach (var translator in translators)
                    if (await translator.SupportsAsync(source, target, CancellationToken.None).ConfigureAwait(false))
                    {
                        pairs.Add(new LanguagePair(source, target));
                        break;
                    }
        return pairs;
    }

    /// <summary>Videos inside the --root folders (the files a dub may pick without uploading), a few levels deep.</summary>
    private IReadOnlyList<string> Videos()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return server.Options.Roots
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*", options))
            .Where(f => VideoExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Take(MaxVideos)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
