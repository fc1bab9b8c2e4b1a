using System.ComponentModel;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Plugins.BeatSync;

public sealed class DetectBeatsArguments
{
    [Description("The song: any audio or video file ffmpeg reads.")]
    public required string Input { get; init; }
}

public sealed class DetectBeatsResult
{
    [Description("beats.json: tempo, beat and downbeat times in seconds.")]
    public required string BeatsPath { get; init; }

    [Description("Estimated tempo in beats per minute.")]
    public double Tempo { get; init; }

    public int BeatCount { get; init; }

    public int DownbeatCount { get; init; }

    [Description("Beats per bar when the metre is clear (then downbeats are given), else null.")]
    public int? BeatsPerBar { get; init; }

    [Description("The first beat times, as a preview.")]
    public IReadOnlyList<double> FirstBeats { get; init; } = [];
}

/// <summary>detect_beats: onset strength, tempo and beat times of a song, with downbeats where the metre is clear.</summary>
public sealed class DetectBeatsTool : Tool<DetectBeatsArguments, DetectBeatsResult>
{
    /// <summary>Analysis rate: enough for onsets, a quarter of the work of 44.1 kHz.</summary>
    private const int AnalysisRate = 22050;

    public override string Name => "detect_beats";

    public override string Description =>
        "Finds the beats of a song for cutting video to music: tempo (BPM), beat times and downbeat times (bar starts, " +
        "when the metre is clear), in seconds from the start. Writes beats.json. Usually followed by suggest_cuts.";

    public override async Task<DetectBeatsResult> InvokeAsync(DetectBeatsArguments arguments, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(arguments.Input))
            throw new InputException("No song was given.", "Pass the song's path as 'input'.");
        var input = context.Paths.CheckRead(arguments.Input, "input");
        var media = context.Services.GetRequiredService<IMediaToolkit>();
        Directory.CreateDirectory(context.WorkDirectory);
        var wav = Path.Combine(context.WorkDirectory, "song.analysis.wav");
        await media.ExtractAudioAsync(input, wav, AnalysisRate, 1, SampleEncoding.Float32,
            new Progress<ProgressUpdate>(p => context.Progress.Report(new ProgressUpdate(p.Fraction * 0.3, "decoding the song"))),
            context.CancellationToken).ConfigureAwait(false);

        BeatGrid grid;
        using (var reader = media.OpenWav(wav))
        {
            grid = BeatAnalysis.Analyse(reader, context.CancellationToken,
                new Progress<double>(f => context.Progress.Report(new ProgressUpdate(0.3 + 0.7 * f, "finding beats"))));
        }
        File.Delete(wav);
        if (grid.Beats.Count == 0) context.Report.Notes.Add("No beats were found: the audio has no clear onsets (silence or sustained sound).");

        var path = Path.Combine(context.WorkDirectory, "beats.json");
        var temporary = path + ".partial";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(grid, DubAgentJson.Options), context.CancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        context.Report.Engine = "beatsync";
        context.Report.MediaSeconds = grid.Duration;
        return new DetectBeatsResult
        {
            BeatsPath = path,
            Tempo = grid.Tempo,
            BeatCount = grid.Beats.Count,
            DownbeatCount = grid.Downbeats.Count,
            BeatsPerBar = grid.BeatsPerBar,
            FirstBeats = grid.Beats.Take(8).Select(b => Math.Round(b, 3)).ToList(),
        };
    }
}
