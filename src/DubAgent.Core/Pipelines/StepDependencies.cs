using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>Which earlier steps each step reads (through any expression of it): the order constraints of a run.</summary>
public static class StepDependencies
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(Recipe recipe) =>
        recipe.Steps.ToDictionary(s => s.Id, s => (IReadOnlySet<string>)StepsRead(s.Expressions).ToHashSet(StringComparer.Ordinal));

    public static IEnumerable<string> StepsRead(IEnumerable<TemplatePart> parts) =>
        parts.Where(p => p.Expression is not null).SelectMany(p => Paths(p.Expression!))
            .Where(p => p.Segments.Count >= 2 && p.Segments[0] == "steps").Select(p => p.Segments[1]);

    /// <summary>The steps given and every step that reads them, directly or through others.</summary>
    public static IReadOnlySet<string> WithDependents(Recipe recipe, IEnumerable<string> roots)
    {
        var graph = Of(recipe);
        var result = new HashSet<string>(roots, StringComparer.Ordinal);
        foreach (var step in recipe.Steps)
            if (graph[step.Id].Any(result.Contains)) result.Add(step.Id);
        return result;
    }

    private static IEnumerable<PathNode> Paths(ExpressionNode node) => node switch
    {
        PathNode p => [p],
        NotNode n => Paths(n.Operand),
        BinaryNode b => Paths(b.Left).Concat(Paths(b.Right)),
        _ => [],
    };
}
