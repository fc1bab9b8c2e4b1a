namespace DubAgent.Cluster.Messages;

/// <summary>
/// One recipe step to run, sent by the coordinator to its capability's queue. It carries everything the step needs
/// except files, which are on the storage every machine mounts: the validated recipe text (so a worker runs exactly
/// what the coordinator checked), the run's inputs, the results of the steps it reads, and the job folder.
/// </summary>
public sealed record StepExecution
{
    public Guid RunId { get; init; }
    public string StepId { get; init; } = "";
    public string Tool { get; init; } = "";

    /// <summary>The capability queue it was routed to (separate, transcribe, ..., or the tool's name for tools without engines).</summary>
    public string Queue { get; init; } = "";

    /// <summary>The recipe's file name as the coordinator shows it, for error positions.</summary>
    public string RecipeFile { get; init; } = "";

    public string RecipeYaml { get; init; } = "";

    /// <summary>SHA-256 of the recipe text, checked by the worker before it runs anything.</summary>
    public string RecipeHash { get; init; } = "";

    public Dictionary<string, string> Inputs { get; init; } = [];

    /// <summary>The JSON results of the steps this step reads, by step id (null for a skipped step).</summary>
    public Dictionary<string, string?> Results { get; init; } = [];

    public string JobDirectory { get; init; } = "";

    /// <summary>Run even when an unchanged result exists (`--force`).</summary>
    public bool Force { get; init; }

    /// <summary>The folders and files the step may read besides the job folder; null means unrestricted (a CLI run).</summary>
    public List<string>? ReadRoots { get; init; }
}
