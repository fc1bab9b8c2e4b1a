namespace DubAgent.Cli.Bench;

/// <summary>
/// One stage's rows of the `dubagent bench` scoreboard. Implementations in this assembly are found by reflection
/// (public, parameterless constructor) and run in <see cref="Order"/>.
/// </summary>
public interface IBenchStage
{
    /// <summary>Stage name as shown (extract, separate, transcribe, diarize, translate, synthesize, mix, export).</summary>
    string Stage { get; }

    /// <summary>Position in the scoreboard (extract 10, separate 20, transcribe 30, diarize 40, translate 50, synthesize 60, mix 70, export 80).</summary>
    int Order { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context);
}

/// <param name="Engine">The engine measured.</param>
/// <param name="RealTimeFactor">Processing seconds / media seconds (lower is faster).</param>
/// <param name="Quality">The stage's quality figure against ground truth, as text ("vocals SDR 9.1 dB").</param>
/// <param name="Figures">The same figures as numbers, for --json.</param>
public sealed record BenchRow(
    string Stage,
    string Engine,
    double? RealTimeFactor,
    string? Quality,
    IReadOnlyDictionary<string, double>? Figures = null,
    string? Note = null);

/// <summary>What a bench stage gets: the demo media with its ground truth, services, a scratch folder.</summary>
public sealed class BenchContext
{
    /// <summary>The demo video (made by `dubagent demo` logic if absent).</summary>
    public required string DemoVideo { get; init; }

    /// <summary>The demo's `truth/` folder: transcript.json, vocals.wav, background.wav.</summary>
    public required string TruthDirectory { get; init; }

    /// <summary>../shared/data when present (real recordings with ground truth), else null.</summary>
    public string? SharedDataDirectory { get; init; }

    public required IServiceProvider Services { get; init; }

    /// <summary>A folder the stage may write into (its own subfolder of the bench run).</summary>
    public required string WorkDirectory { get; init; }

    public CancellationToken CancellationToken { get; init; }
}
