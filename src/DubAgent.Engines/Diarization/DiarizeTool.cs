using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Diarization;

/// <summary>The `diarize` tool: who speaks when, as speaker turns or as speakers on an existing transcript.</summary>
public sealed class DiarizeTool : Tool<DiarizeArguments, DiarizeResult>
{
    private const int PreviewLines = 4;

    public override string Name => "diarize";

    public override string Description =>
        "Finds who speaks when in an audio or video file. With a transcript (from transcribe) it writes that transcript "
        + "with a speaker (SPEAKER_00, SPEAKER_01, ... in order of first appearance) on every segment and num_speakers set "
        + "(a segment spanning a speaker change is split there, its words with it); "
        + "without one it writes the speaker turns as segments with empty text. Also writes the turns as RTTM. "
        + "num_speakers fixes the count, else it is found automatically within min_speakers and max_speakers. Next: translate.";

    public override string? Capability => Capabilities.Diarize;

    public override async Task<DiarizeResult> InvokeAsync(DiarizeArguments arguments, ToolContext context)
    {
        var input = InputFiles.RequireFile(context.Paths.CheckRead(arguments.Input, "input"), "input");
        string? transcriptPath = null;
        Transcript? transcript = null;
        if (!string.IsNullOrWhiteSpace(arguments.Transcript))
        {
            transcriptPath = InputFiles.RequireFile(context.Paths.CheckRead(arguments.Transcript, "transcript"), "transcript");
            transcript = TranscriptJson.Read(transcriptPath);
        }
        CheckCounts(arguments);

        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var (engine, status) = await registry.ResolveAsync<IDiarizer>(Capabilities.Diarize, arguments.Engine, context.CancellationToken).ConfigureAwait(false);
        var duration = (await context.Services.GetRequiredService<IMediaToolkit>().ProbeAsync(input, context.CancellationToken).ConfigureAwait(false)).Duration;
        var turns = await engine.DiarizeAsync(
            new DiarizationRequest(input, arguments.NumSpeakers is 0 ? null : arguments.NumSpeakers, arguments.MinSpeakers, arguments.MaxSpeakers), context.ForEngine()).ConfigureAwait(false);

        var result = transcript is null
            ? new Transcript
            {
                Language = "und",
                TotalDuration = duration,
                NumSpeakers = turns.Select(t => t.Speaker).Distinct().Count(),
                Segments = turns.Select((t, i) => new TranscriptSegment
                {
                    Id = TranscriptSegment.IdFor(i), Speaker = t.Speaker, Start = Math.Round(t.Start, 3), End = Math.Round(t.End, 3), Text = "",
                }).ToList(),
            }
            : SpeakerAssigner.Assign(TranscriptJson.WithIds(transcript), turns) with
            {
                TotalDuration = transcript.TotalDuration > 0 ? transcript.TotalDuration : duration,
            };

        var output = OutputPath(arguments, context, transcriptPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        AtomicFile.WriteAllText(output, TranscriptJson.ToJson(result));
        var rttm = Path.ChangeExtension(output, ".rttm");
        AtomicFile.WriteAllText(rttm, string.Join('\n', Rttm.Format(turns, Path.GetFileNameWithoutExtension(input))) + "\n");

        context.Report.Engine = engine.Name;
        context.Report.EngineVersion = status.Version;
        context.Report.MediaSeconds = duration;
        if (turns.Count == 0) context.Report.Notes.Add("no speech found");

        return new DiarizeResult
        {
            TranscriptPath = output,
            RttmPath = rttm,
            Engine = engine.Name,
            NumSpeakers = result.NumSpeakers,
            Segments = result.Segments.Count,
            Turns = turns.Count,
            OverlappedShare = Math.Round(OverlapShare.Of(turns), 4),
            SpeakerSeconds = turns.GroupBy(t => t.Speaker).ToDictionary(g => g.Key, g => Math.Round(g.Sum(t => t.End - t.Start), 2)),
            Preview = result.Segments.Take(PreviewLines).Select(TranscriptJson.PreviewLine).ToList(),
        };
    }

    private static void CheckCounts(DiarizeArguments a)
    {
        if (a.NumSpeakers is < 0 or > 100) throw new InputException($"num_speakers must be between 1 and 100 (got {a.NumSpeakers}).", "Leave it out (or 0) to find the count automatically.");
        if (a.MinSpeakers is < 1) throw new InputException($"min_speakers must be at least 1 (got {a.MinSpeakers}).");
        if (a.MaxSpeakers is < 1) throw new InputException($"max_speakers must be at least 1 (got {a.MaxSpeakers}).");
        if (a.MinSpeakers > a.MaxSpeakers) throw new InputException($"min_speakers ({a.MinSpeakers}) is above max_speakers ({a.MaxSpeakers}).", "Swap them.");
    }

    /// <summary>transcript.json in the step's folder, unless that is the input transcript itself (never overwrite an input).</summary>
    private static string OutputPath(DiarizeArguments arguments, ToolContext context, string? transcriptPath)
    {
        var name = string.IsNullOrWhiteSpace(arguments.Output) ? "transcript.json" : arguments.Output;
        var output = context.Paths.CheckWrite(Path.Combine(context.WorkDirectory, name), "output");
        if (transcriptPath is not null && string.Equals(Path.GetFullPath(output), transcriptPath, StringComparison.Ordinal))
        {
            if (!string.IsNullOrWhiteSpace(arguments.Output))
                throw new InputException($"output '{arguments.Output}' is the input transcript itself.", "Write the diarized transcript to another name.");
            output = Path.Combine(Path.GetDirectoryName(output)!, "transcript.diarized.json");
        }
        return output;
    }
}
