using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Studio;

/// <summary>
/// One batch render's cast: a voice per speaker, and a voice for every speaker the set does not name (none: they keep
/// the voice of the first dub). The new-dub form sends a set as fields `batch_set_N_default` and `batch_set_N_SPEAKER_xx`.
/// </summary>
public sealed partial record VoiceSet(string? Default, IReadOnlyDictionary<string, string> Speakers)
{
    public const int MaxSets = 8;
    public const int MaxSpeakers = 16;
    private const string DefaultKey = "default";

    /// <summary>The voice this set gives <paramref name="speaker"/>, or null to keep theirs.</summary>
    public string? VoiceFor(string speaker) => Speakers.TryGetValue(speaker, out var voice) ? voice : Default;

    /// <summary>A name for the set's video: its one voice, or its voices joined by '+'.</summary>
    public string Label =>
        string.Join("+", (Default is null ? [] : new[] { Default }).Concat(Speakers.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value)).Distinct());

    public static IReadOnlyList<VoiceSet> Read(IFormCollection form, List<string> problems)
    {
        var sets = new SortedDictionary<int, (string? Default, Dictionary<string, string> Speakers)>();
        foreach (var key in form.Keys)
        {
            var match = FieldName().Match(key);
            var voice = form[key].ToString().Trim();
            if (!match.Success || voice.Length == 0) continue;
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var who = match.Groups[2].Value;
            if (!IsVoiceName(voice))
            {
                problems.Add($"{key}: '{voice}' is not a voice name (letters, digits, - _ . +) as `dubagent voices engine ENGINE` lists them.");
                continue;
            }
            if (!sets.TryGetValue(number, out var set)) sets[number] = set = (null, new Dictionary<string, string>(StringComparer.Ordinal));
            if (who == DefaultKey) sets[number] = set with { Default = voice };
            else set.Speakers[who] = voice;
        }
        if (sets.Count > MaxSets) problems.Add($"batch: at most {MaxSets} voice sets.");
        if (sets.Values.Any(s => s.Speakers.Count > MaxSpeakers)) problems.Add($"batch: at most {MaxSpeakers} speakers in a voice set.");
        return sets.Values.Select(s => new VoiceSet(s.Default, s.Speakers)).ToList();
    }

    private static bool IsVoiceName(string voice) => voice.Length <= 100 && voice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+');

    [GeneratedRegex("^batch_set_([0-9]{1,2})_(default|SPEAKER_[0-9]{2})$")]
    private static partial Regex FieldName();
}
