using System.ComponentModel;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Translation.Timing;

namespace DubAgent.Server.Review;

/// <summary>A translated line worth a look: it overflows its slot, would drag in it, or the translator flagged it.</summary>
public sealed record ReviewLine(
    string Id,
    string? Speaker,
    double Start,
    double End,
    [property: Description("The seconds the line has to be said in.")] double SlotSeconds,
    [property: Description("Estimated spoken seconds / slot seconds: above 1.1 it overflows, below 0.5 the voice would drag.")] double FitRatio,
    string? Tone,
    string? Flag,
    string Source,
    string Target);

/// <summary>
/// The lines of a translation.json that do not fit their time slot (worst first), and the edits a review makes to it:
/// only `target_text` changes, written to a temporary name and renamed so the file is never half-written.
/// </summary>
public static class TranslationReview
{
    public const double MaxFit = 1.1;
    public const double MinFit = 0.5;

    public static Translation Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Translation>(File.ReadAllText(path), DubAgentJson.Options) ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InputException($"'{path}' is not a readable translation.json: {e.Message}",
                "Keep the file's JSON shape when editing it: change only the target_text of its segments.");
        }
    }

    public static IReadOnlyList<ReviewLine> LinesToReview(Translation translation, double maxFit = MaxFit, double minFit = MinFit) =>
        translation.Segments
            .Where(s => s.FitRatio > maxFit || (s.FitRatio > 0 && s.FitRatio < minFit) || s.Flag is not null)
            .OrderByDescending(s => Math.Max(s.FitRatio / maxFit, s.FitRatio > 0 ? minFit / s.FitRatio : 0))
            .Select(s => new ReviewLine(s.Id, s.Speaker, s.Start, s.End, Math.Round(s.BudgetSeconds, 2), Math.Round(s.FitRatio, 2), s.Tone, s.Flag, s.Text, s.TargetText))
            .ToList();

    /// <summary>Replaces the target text of the segments named (by id); returns how many changed.</summary>
    public static int Apply(string path, IReadOnlyDictionary<string, string> edits)
    {
        var translation = Load(path);
        var changed = 0;
        var segments = translation.Segments.Select(s =>
        {
            if (!edits.TryGetValue(s.Id, out var text) || string.IsNullOrWhiteSpace(text) || text.Trim() == s.TargetText) return s;
            changed++;
            return Edited(s, text.Trim(), translation.TargetLanguage);
        }).ToList();
        if (changed > 0) AtomicFile.WriteAllText(path, JsonSerializer.Serialize(translation with { Segments = segments }, DubAgentJson.Options));
        return changed;
    }

    /// <summary>
    /// The line with its new wording, measured as the translator measures it (<see cref="SegmentFit"/>): its fit, estimated
    /// seconds and budget follow the words, a line that now fits loses its "over budget" flag and one that still overflows
    /// says so with the new figures; the translator's other flags stay.
    /// </summary>
    private static TranslatedSegment Edited(TranslatedSegment line, string text, string targetLanguage)
    {
        var source = new TranscriptSegment { Id = line.Id, Speaker = line.Speaker, Start = line.Start, End = line.End, Text = line.Text };
        var measured = SegmentFit.Build(source, text, targetLanguage, line.Engine ?? "", line.Tone, line.Rounds, FlagsBesidesFit(line.Flag));
        return line with
        {
            TargetText = text,
            BudgetSeconds = measured.BudgetSeconds,
            BudgetSyllables = measured.BudgetSyllables,
            EstimatedSeconds = measured.EstimatedSeconds,
            FitRatio = measured.FitRatio,
            Flag = measured.Flag,
            Notes = [.. line.Notes ?? [], "edited in review"],
        };
    }

    /// <summary>The flag's parts other than the fit check's own "over budget: ..." (SegmentFit joins parts with "; ").</summary>
    private static string? FlagsBesidesFit(string? flag)
    {
        if (flag is null) return null;
        var kept = flag.Split("; ").Where(part => !part.StartsWith(OverBudget, StringComparison.Ordinal)).ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private const string OverBudget = "over budget:";
}
