using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

/// <summary>Builds the model's answers for scripted tests from the ids the planner asked for.</summary>
public static partial class PlannerScript
{
    public const string Profile = """{"register":"casual","emotion":"cheerful","manner":"brief"}""";

    /// <summary>The ids a window or shorten request asked for, in order.</summary>
    public static IReadOnlyList<string> AskedIds(ScriptedRequest request) =>
        IdField().Matches(request.FirstUser).Select(m => m.Groups[1].Value).ToList();

    public static string SpeakerOf(string id) =>
        DialogueFixture.Lines[int.Parse(id["seg_".Length..]) - 1].Speaker;

    public static string Answer(IEnumerable<string> ids, Func<string, string> text, Func<string, string>? speaker = null, string tone = "calm") =>
        JsonSerializer.Serialize(new
        {
            segments = ids.Select(id => new { id, speaker = speaker?.Invoke(id) ?? SpeakerOf(id), text = text(id), tone }),
        }, DubAgentJson.Compact);

    /// <summary>A short line that fits any slot of the fixture.</summary>
    public static string Fitting(string id) => $"línea {id[^2..]}";

    /// <summary>A line of n syllables ("la la la ...").</summary>
    public static string Syllables(int n) => string.Join(' ', Enumerable.Repeat("la", n));

    [GeneratedRegex("\"id\":\\s*\"(seg_\\d+)\"")]
    private static partial Regex IdField();
}
