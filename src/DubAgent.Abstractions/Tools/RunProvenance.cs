namespace DubAgent.Abstractions.Tools;

/// <summary>One earlier call of the job: its step, the tool, and the engine that really ran.</summary>
public sealed record CallProvenance(string Step, string Tool, string? Engine, string? EngineVersion);

/// <summary>
/// How the job so far was made, handed to a call in memory by the call pipeline (export writes it into the manifest):
/// the recipe, when a recipe runs, and the calls that finished before this one.
/// </summary>
public interface IRunProvenance
{
    string? Recipe { get; }

    string? RecipeFile { get; }

    IReadOnlyList<CallProvenance> Calls { get; }
}
