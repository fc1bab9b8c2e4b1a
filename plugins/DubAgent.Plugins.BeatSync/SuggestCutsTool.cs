using System.ComponentModel;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Plugins.BeatSync;

public sealed class ClipArgument
{
    [Description("The clip's name or file, echoed in the plan.")]
    public required string Name { get; init; }

    [Description("The clip's length in seconds.")]
    public required double Length { get; init; }

    [Description("Shortest time the clip may be shown, seconds (default 1).")]
    public double? MinLength { get; init; }

    [Description("Longest time the clip may be shown, seconds (default: its length).")]
    public double? MaxLength { get; init; }
}

public sealed class SuggestCutsArguments
{
    [Description("beats.json written by detect_beats (its beats_path).")]
    public required string Beats { get; init; }

    [Description("The clips, in the order they are shown. Or give clip_count and clip_length for clips of one length.")]
    public IReadOnlyList<ClipArgument>? Clips { get; init; }

    [Description("Without 'clips': how many clips of clip_length seconds to place (named clip_01, clip_02, ...).")]
    public int? ClipCount { get; init; }

    [Description("Without 'clips': the length of each clip in seconds.")]
    public double? ClipLength { get; init; }

    [Description("Without 'clips': shortest time a clip may be shown, seconds (default 1).")]
    public double? MinLength { get; init; }

    [Description("Where the first clip starts in the song, seconds (default: the first downbeat, or the first beat).")]
    public double? Start { get; init; }
}

public sealed class SuggestCutsResult
{
    [Description("cuts.json: each clip's start and end in song time.")]
    public required string CutsPath { get; init; }

    public IReadOnlyList<PlannedCut> Cuts { get; init; } = [];

    [Description("Clips that no longer fit in the song.")]
    public IReadOnlyList<string> Unplaced { get; init; } = [];

    [Description("How many cuts land on a downbeat.")]
    public int OnDownbeats { get; init; }
}

/// <summary>suggest_cuts: cut points on the beat grid for a list of clips.</summary>
public sealed class SuggestCutsTool : Tool<SuggestCutsArguments, SuggestCutsResult>
{
    public override string Name => "suggest_cuts";

    public override string Description =>
        "Suggests where to cut a sequence of video clips so every cut lands on a beat of the song (downbeats preferred), " +
        "keeping each clip between its minimum and maximum length. Takes beats.json from detect_beats. Writes cuts.json.";

    public override async Task<SuggestCutsResult> InvokeAsync(SuggestCutsArguments arguments, ToolContext context)
    {
        var beatsPath = context.Paths.CheckRead(arguments.Beats, "beats");
        if (!File.Exists(beatsPath))
            throw new InputException($"The beats file '{arguments.Beats}' does not exist.", "Run detect_beats first and pass its beats_path.");
        BeatGrid grid;
        try
        {
            grid = JsonSerializer.Deserialize<BeatGrid>(await File.ReadAllTextAsync(beatsPath, context.CancellationToken).ConfigureAwait(false), DubAgentJson.Options)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InputException($"'{arguments.Beats}' is not a beats.json written by detect_beats ({e.Message}).", "Run detect_beats on the song again.");
        }
        if (grid.Beats.Count < 2)
            throw new InputException($"The song in '{arguments.Beats}' has no beat grid (fewer than two beats).", "Use a song with a clear rhythm.");
        var clips = ClipsOf(arguments);
        foreach (var clip in clips)
        {
            if (clip.Length <= 0) throw new InputException($"Clip '{clip.Name}' has length {clip.Length}; it must be above 0 seconds.");
            if (clip.MinLength is { } min && clip.MaxLength is { } max && min > max)
                throw new InputException($"Clip '{clip.Name}' has min_length {min} above max_length {max}.");
        }

        var plan = CutPlanner.Plan(grid.Beats, grid.Downbeats,
            clips.Select(c => new ClipSpec(c.Name, c.Length, c.MinLength, c.MaxLength)).ToList(), arguments.Start);
        Directory.CreateDirectory(context.WorkDirectory);
        var path = Path.Combine(context.WorkDirectory, "cuts.json");
        await File.WriteAllTextAsync(path + ".partial", JsonSerializer.Serialize(plan, DubAgentJson.Options), context.CancellationToken).ConfigureAwait(false);
        File.Move(path + ".partial", path, overwrite: true);
        if (plan.Unplaced.Count > 0) context.Report.Notes.Add($"{plan.Unplaced.Count} clip(s) did not fit in the song: {string.Join(", ", plan.Unplaced)}");
        context.Report.Engine = "beatsync";
        return new SuggestCutsResult
        {
            CutsPath = path,
            Cuts = plan.Cuts,
            Unplaced = plan.Unplaced,
            OnDownbeats = plan.Cuts.Count(c => c.EndsOnDownbeat),
        };
    }

    private static IReadOnlyList<ClipArgument> ClipsOf(SuggestCutsArguments arguments)
    {
        if (arguments.Clips is { Count: > 0 } clips) return clips;
        if (arguments.ClipCount is { } count && arguments.ClipLength is { } length)
        {
            if (count is < 1 or > 10_000) throw new InputException($"clip_count {count} is out of range.", "Use 1 to 10000 clips.");
            return Enumerable.Range(1, count)
                .Select(i => new ClipArgument { Name = $"clip_{i:D2}", Length = length, MinLength = arguments.MinLength })
                .ToList();
        }
        throw new InputException("No clips were given.", "Pass 'clips' (each with a name and a length), or 'clip_count' and 'clip_length'.");
    }
}
