using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// The apertium pair packages Debian offers here (apertium-eng-cat, apertium-es-pt, ...), from `apt-cache search`, so an
/// install hint names a package that exists instead of a guess. Asked once per process, and only when a pair is missing.
/// </summary>
public sealed class ApertiumPairPackages(IProcessRunner runner)
{
    private const string Prefix = "apertium-";
    private Task<IReadOnlyList<ApertiumPairPackage>>? _packages;

    /// <summary>Every pair package apt knows of; empty where there is no apt-cache or its package lists are empty.</summary>
    public Task<IReadOnlyList<ApertiumPairPackage>> AllAsync(CancellationToken cancellationToken) =>
        _packages is { IsFaulted: false, IsCanceled: false } ? _packages : _packages = SearchAsync(cancellationToken);

    /// <summary>The packages that hold the pair (either direction); with no source, every package that has the target.</summary>
    public async Task<IReadOnlyList<string>> ForAsync(string? source, string target, CancellationToken cancellationToken)
    {
        var t = LanguageSet.Primary(target);
        var s = source is null ? null : LanguageSet.Primary(source);
        return (await AllAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => s is null ? p.First == t || p.Second == t : (p.First, p.Second) == (s, t) || (p.First, p.Second) == (t, s))
            .Select(p => p.Name).ToList();
    }

    /// <summary>Reads `apt-cache search` lines ("apertium-eng-cat - Apertium translation data for ..."); skips
    /// transitional dummies (they only pull in the real package) and single-language or tool packages.</summary>
    public static IReadOnlyList<ApertiumPairPackage> Parse(string aptCacheOutput) =>
        aptCacheOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(" - ", 2))
            .Where(parts => parts[0].StartsWith(Prefix, StringComparison.Ordinal)
                && !(parts.Length > 1 && parts[1].StartsWith("Transitional", StringComparison.OrdinalIgnoreCase)))
            .Select(parts => (Name: parts[0], Pair: ApertiumPair.Parse(parts[0][Prefix.Length..])))
            .Where(p => p.Pair is { Variant: null })
            .Select(p => new ApertiumPairPackage(p.Name, p.Pair!.Source, p.Pair.Target))
            .ToList();

    private async Task<IReadOnlyList<ApertiumPairPackage>> SearchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(new ProcessRequest("apt-cache", ["search", "--names-only", "^apertium-"])
            {
                Timeout = TimeSpan.FromSeconds(30),
            }, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? Parse(result.StandardOutput) : [];
        }
        catch (DubAgentException)
        {
            return []; // no apt-cache here (not Debian), or it hung: the hint then says how to look instead
        }
    }
}

/// <summary>A Debian package with the apertium data for translating between two languages (ISO 639-1).</summary>
public sealed record ApertiumPairPackage(string Name, string First, string Second);
