using System.ComponentModel;
using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Translation.Timing;
using Microsoft.SemanticKernel;

namespace DubAgent.Engines.Translation.Checks;

/// <summary>
/// The planner's checks as Semantic Kernel functions the model calls itself (automatic function calling): how a
/// candidate line fits its slot, which glossary and do-not-translate terms a line must keep and whether a candidate
/// kept them, whether it keeps the speaker's form of address, the neighbouring lines, the speaker's profile. Every
/// call is answered from the run's own data; nothing here asks the model.
/// </summary>
public sealed class DubbingChecks(CheckContext run)
{
    [KernelFunction("measure_line")]
    [Description("Measures a candidate target line against its segment's time slot at the target language's speaking rate and this speaker's pace. Returns syllables, the slot's budget and whether the line is over or under, by how many syllables and seconds.")]
    public LineFit MeasureLine([Description("The segment id, e.g. seg_0003.")] string id, [Description("The candidate line in the target language.")] string text)
    {
        run.Count("measure_line");
        var segment = run.Segment(id);
        var pace = run.PaceOf(segment.Speaker);
        var fit = SegmentFit.Measure(segment, text, run.TargetLanguage);
        var budget = Math.Floor(fit.BudgetSyllables * pace);
        var over = fit.Syllables - budget;
        var seconds = Math.Round(over / (SpeakingRates.For(run.TargetLanguage) * pace), 2);
        var verdict = fit.Syllables <= budget * SegmentFit.Tolerance
            ? over > 0 ? $"fits (over by {over} syllables, within the 10 % a slight speed-up absorbs)" : $"fits ({-over} syllables to spare)"
            : $"too long: over by {over} syllables (about {seconds:0.##} s); shorten it";
        return new LineFit(id, fit.Syllables, budget, fit.BudgetSeconds, pace, over, verdict);
    }

    [KernelFunction("glossary_terms")]
    [Description("Lists the glossary terms (with the translation to use) and the names to keep unchanged that occur in a segment's source line.")]
    public IReadOnlyList<TermRule> GlossaryTerms([Description("The segment id.")] string id)
    {
        run.Count("glossary_terms");
        return run.Terms.In(run.Segment(id).Text);
    }

    [KernelFunction("check_terms")]
    [Description("Checks that a candidate target line keeps every glossary translation and do-not-translate name its source line needs. Returns the ones missing.")]
    public TermCheck CheckTerms([Description("The segment id.")] string id, [Description("The candidate line in the target language.")] string text)
    {
        run.Count("check_terms");
        var missing = run.Terms.In(run.Segment(id).Text).Where(t => !TermRules.Keeps(text, t.Use)).Select(t => t.Use).ToList();
        return new TermCheck(id, missing.Count == 0, missing);
    }

    [KernelFunction("check_register")]
    [Description("Checks a candidate line's form of address (T–V: informal tú/tu/du or formal usted/vous/Sie) against the speaker's profile, for languages that have the choice.")]
    public RegisterCheck CheckRegister([Description("The segment id.")] string id, [Description("The candidate line in the target language.")] string text)
    {
        run.Count("check_register");
        var segment = run.Segment(id);
        var expected = run.ProfileOf(segment.Speaker)?.Address ?? "";
        if (!AddressForms.Knows(run.TargetLanguage)) return new RegisterCheck(id, expected, [], [], "the target language has no T–V choice");
        var (informal, formal) = AddressForms.Find(text, run.TargetLanguage);
        var verdict = expected switch
        {
            "formal" when informal.Count > 0 => $"uses informal {string.Join(", ", informal)} where the speaker is formal; rephrase",
            "informal" when formal.Count > 0 => $"uses formal {string.Join(", ", formal)} where the speaker is informal; check it is not a plural",
            _ => "consistent with the speaker's profile",
        };
        return new RegisterCheck(id, expected, informal, formal, verdict);
    }

    [KernelFunction("neighbour_lines")]
    [Description("Returns the lines around a segment: the previous and next source lines with their speakers, and the translations already made.")]
    public IReadOnlyList<NeighbourLine> NeighbourLines([Description("The segment id.")] string id, [Description("How many lines on each side (1-5).")] int around = 2)
    {
        run.Count("neighbour_lines");
        return run.Around(id, Math.Clamp(around, 1, 5));
    }

    [KernelFunction("speaker_profile")]
    [Description("Returns a speaker's profile: register, form of address (informal/formal), emotion and manner, kept the same for the whole video.")]
    public SpeakerProfile? Profile([Description("The speaker label, e.g. SPEAKER_00.")] string speaker)
    {
        run.Count("speaker_profile");
        return run.ProfileOf(speaker);
    }
}

/// <summary>What <see cref="DubbingChecks.MeasureLine"/> returns.</summary>
public sealed record LineFit(string Id, int Syllables, double BudgetSyllables, double SlotSeconds, double SpeakerPace, double OverBySyllables, string Verdict);

public sealed record TermCheck(string Id, bool Kept, IReadOnlyList<string> Missing);

public sealed record RegisterCheck(string Id, string ExpectedAddress, IReadOnlyList<string> Informal, IReadOnlyList<string> Formal, string Verdict);

public sealed record NeighbourLine(string Id, string? Speaker, string Source, string? Translation);
