using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Pipelines;

/// <summary>One thing wrong with a recipe, at a line and column (1-based) of its file.</summary>
public sealed record RecipeProblem(string File, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";

    public PipelineException ToException() => new(Message, File, Line, Column, Hint);

    /// <summary>The first problem as the error, the others listed in the hint, so a run shows them all at once.</summary>
    public static PipelineException ToException(IReadOnlyList<RecipeProblem> problems)
    {
        var first = problems[0];
        if (problems.Count == 1) return first.ToException();
        var others = string.Join("\n", problems.Skip(1).Select(p => $"  {p}"));
        var hint = (first.Hint is null ? "" : first.Hint + "\n") + $"{problems.Count - 1} more problem(s):\n{others}";
        return new PipelineException(first.Message, first.File, first.Line, first.Column, hint);
    }
}
