using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// The installed pairs a line goes through from its language to the target: one pair when a direct one exists, else a
/// chain through pivot languages (en -> es -> fr with eng-spa and es-fr). Each leg's output is the next leg's input.
/// </summary>
public sealed record ApertiumRoute(IReadOnlyList<ApertiumPair> Legs)
{
    /// <summary>Longest chain tried: every extra leg loses more of the meaning, so two pivots at most.</summary>
    public const int MaxLegs = 3;

    /// <summary>Spanish first: most Debian pairs have it on one side, and its pairs are the most developed.</summary>
    private static readonly string[] PreferredPivots = ["es", "en", "ca", "fr", "pt"];

    public bool IsDirect => Legs.Count == 1;

    /// <summary>The modes in order, "eng-spa > es-fr", as recorded on each segment.</summary>
    public string Chain => string.Join(" > ", Legs.Select(l => l.Mode));

    /// <summary>The languages passed through, for messages ("through es").</summary>
    public IReadOnlyList<string> Pivots => Legs.Skip(1).Select(l => l.Source).ToList();

    /// <summary>The shortest route (fewest legs, preferred pivots first); null when none of at most <see cref="MaxLegs"/> legs exists.</summary>
    public static ApertiumRoute? Find(IReadOnlyList<ApertiumPair> pairs, string source, string target)
    {
        var s = LanguageSet.Primary(source);
        var t = LanguageSet.Primary(target);
        if (s == t) return null;
        var variant = VariantOf(target);
        // Breadth first over languages; a language is entered once, by its best pair.
        var reached = new Dictionary<string, ApertiumRoute> { [s] = new ApertiumRoute([]) };
        var frontier = new List<string> { s };
        for (var depth = 0; depth < MaxLegs && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var from in frontier)
            {
                if (Best(pairs, from, t, variant) is { } last) return new ApertiumRoute([.. reached[from].Legs, last]);
                if (depth == MaxLegs - 1) continue;
                foreach (var pivot in pairs.Where(p => p.Source == from && !reached.ContainsKey(p.Target)).Select(p => p.Target)
                             .Distinct().OrderBy(PivotRank).ThenBy(c => c, StringComparer.Ordinal).ToList())
                {
                    reached[pivot] = new ApertiumRoute([.. reached[from].Legs, Best(pairs, from, pivot, null)!]);
                    next.Add(pivot);
                }
            }
            frontier = next.OrderBy(PivotRank).ThenBy(c => c, StringComparer.Ordinal).ToList();
        }
        return null;
    }

    /// <summary>Every language <paramref name="source"/> reaches through at most <see cref="MaxLegs"/> legs.</summary>
    public static IReadOnlyList<string> Targets(IReadOnlyList<ApertiumPair> pairs, string source)
    {
        var s = LanguageSet.Primary(source);
        var reached = new HashSet<string>(StringComparer.Ordinal) { s };
        var frontier = new List<string> { s };
        for (var depth = 0; depth < MaxLegs; depth++)
            frontier = frontier.SelectMany(from => pairs.Where(p => p.Source == from).Select(p => p.Target)).Where(reached.Add).ToList();
        reached.Remove(s);
        return reached.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The pair for one leg: the asked regional variant (en-US picks spa-eng_US), else the plain mode.</summary>
    private static ApertiumPair? Best(IReadOnlyList<ApertiumPair> pairs, string from, string to, string? variant)
    {
        var matches = pairs.Where(p => p.Source == from && p.Target == to).ToList();
        return matches.FirstOrDefault(p => variant is not null && string.Equals(p.Variant, variant, StringComparison.OrdinalIgnoreCase))
            ?? matches.FirstOrDefault(p => p.Variant is null)
            ?? matches.FirstOrDefault();
    }

    private static int PivotRank(string language)
    {
        var rank = Array.IndexOf(PreferredPivots, language);
        return rank < 0 ? PreferredPivots.Length : rank;
    }

    private static string? VariantOf(string language)
    {
        var cut = language.IndexOfAny(['-', '_']);
        return cut > 0 ? language[(cut + 1)..] : null;
    }
}
