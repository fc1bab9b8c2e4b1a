using System.Text;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Engines.Translation.Timing;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>The words the planner sends: the system rules, a window to translate, lines to shorten, a speaker to profile.</summary>
public static class PlannerPrompts
{
    public const string AnswerShape = """{"segments":[{"id":"seg_0001","speaker":"SPEAKER_00","text":"translated line","tone":"one or two words"}]}""";

    public static string System(TranslationRequest request) => $"""
        You translate dialogue for dubbing from {LanguageNames.For(request.Transcript.Language)} into {LanguageNames.For(request.TargetLanguage)}.
        Rules:
        - Return exactly one item per segment you are given, with the same id and the same speaker, in the same order. Never merge, split, drop or add segments.
        - Each line must be speakable within its time slot: stay at or under its max_syllables (syllables at a natural speaking rate of {LanguageNames.For(request.TargetLanguage)}).
        - Keep each speaker's tone, register and emotional intensity; drama stays dramatic, jokes stay jokes. Make the lines flow as one conversation.
        - Keep each speaker's form of address (informal or formal, in languages with that choice) as their profile says, in every line.
        - Give each line a short tone tag (neutral, angry, tender, ironic, afraid, excited...).
        - You have functions to check your lines before answering: measure_line (does a candidate fit its slot, over or under by how much),
          glossary_terms and check_terms (terms to translate one way and names to keep), check_register (form of address), neighbour_lines, speaker_profile.
          Measure every line you are not sure fits; shorten and measure again any that is too long.
        - Reply with only a JSON object, no prose, shaped like: {AnswerShape}
        """;

    public static string Window(TranslationRequest request, SceneWindow window, IReadOnlyList<(TranscriptSegment Source, string Target)> previous,
        IReadOnlyList<SpeakerProfile> profiles, string? correction)
    {
        var text = new StringBuilder();
        AppendCommon(text, request, profiles);
        if (previous.Count > 0)
        {
            text.AppendLine("Previous lines of the scene, already translated (context only, do not return them):");
            foreach (var (source, target) in previous) text.AppendLine($"[{source.Speaker ?? "SPEAKER"}] {source.Text} => {target}");
            text.AppendLine();
        }
        text.AppendLine($"Translate these {window.Segments.Count} segments. Return exactly {window.Segments.Count} items, ids in this order: {string.Join(", ", window.Segments.Select(s => s.Id))}.");
        var items = window.Segments.Select(s => new
        {
            id = s.Id,
            speaker = s.Speaker,
            seconds = Math.Round(s.Duration, 2),
            max_syllables = Math.Floor(SegmentFit.Measure(s, "", request.TargetLanguage).BudgetSyllables),
            text = s.Text,
        });
        text.AppendLine(JsonSerializer.Serialize(new { segments = items }, DubAgentJson.Options));
        if (correction is not null) text.AppendLine().AppendLine($"Your previous answer was rejected: {correction}");
        return text.ToString();
    }

    public static string Shorten(TranslationRequest request, IReadOnlyList<(TranscriptSegment Source, string Target, int Syllables)> lines)
    {
        var text = new StringBuilder();
        text.AppendLine($"These {lines.Count} lines are too long for their time slots. Reword each one shorter in {LanguageNames.For(request.TargetLanguage)}, "
            + "keeping its meaning and tone, at or under max_syllables. Return only these ids, same speakers, as the JSON object.");
        var items = lines.Select(l => new
        {
            id = l.Source.Id,
            speaker = l.Source.Speaker,
            source = l.Source.Text,
            current = l.Target,
            current_syllables = l.Syllables,
            max_syllables = Math.Floor(SegmentFit.Measure(l.Source, "", request.TargetLanguage).BudgetSyllables),
        });
        text.AppendLine(JsonSerializer.Serialize(new { segments = items }, DubAgentJson.Options));
        return text.ToString();
    }

    public static string Profile(string speaker, string language, IEnumerable<string> lines, string? styleNotes) => $$"""
        These are lines spoken by {{speaker}} in a {{LanguageNames.For(language)}} video, in order:
        {{string.Join("\n", lines.Select(l => "- " + l))}}
        {{(string.IsNullOrWhiteSpace(styleNotes) ? "" : $"Style notes from the producer: {styleNotes}")}}

        Describe how this speaker talks, for a dubbing translator: register (formal, casual, slangy...), how they address others in languages with a T–V choice
        ("informal" like tú/tu/du, or "formal" like usted/vous/Sie), the dominant emotion of their scenes, and manner (terse, verbose, sarcastic, warm...).
        Reply with only a JSON object: {"register":"...","address":"informal or formal","emotion":"...","manner":"..."}
        """;

    private static void AppendCommon(StringBuilder text, TranslationRequest request, IReadOnlyList<SpeakerProfile> profiles)
    {
        if (!string.IsNullOrWhiteSpace(request.StyleNotes)) text.AppendLine($"Style notes: {request.StyleNotes}").AppendLine();
        if (profiles.Count > 0)
        {
            text.AppendLine("Speakers:");
            foreach (var profile in profiles) text.AppendLine("- " + profile.Describe());
            text.AppendLine();
        }
        if (request.Glossary is { Count: > 0 } glossary)
        {
            text.AppendLine("Glossary (always translate these terms this way):");
            foreach (var (term, translation) in glossary) text.AppendLine($"- {term} => {translation}");
            text.AppendLine();
        }
        if (request.DoNotTranslate is { Count: > 0 } names)
            text.AppendLine($"Keep these names exactly as written: {string.Join(", ", names)}").AppendLine();
    }
}
