using DubAgent.Abstractions.Domain;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

/// <summary>
/// A transcript like `dubagent demo`'s truth/transcript.json: the demo's twelve English lines, two speakers (one talks
/// twice in a row), times from a steady 2.6 words a second with short pauses, and one long pause that starts a new scene.
/// </summary>
public static class DialogueFixture
{
    public static readonly (string Speaker, string Text)[] Lines =
    [
        ("SPEAKER_00", "Good morning. Did you bring the map for the trip?"),
        ("SPEAKER_01", "Yes, I have it right here in my bag."),
        ("SPEAKER_00", "Great. We should leave before the rain starts."),
        ("SPEAKER_01", "The weather report said it will be sunny all day."),
        ("SPEAKER_00", "I do not trust the weather report anymore."),
        ("SPEAKER_00", "Last week it promised sun, and we got a storm."),
        ("SPEAKER_01", "Fair enough. Let us take the umbrellas, just in case."),
        ("SPEAKER_00", "Do you know how long the drive is?"),
        ("SPEAKER_01", "About two hours, if the traffic is light."),
        ("SPEAKER_00", "Then we can stop for lunch by the lake."),
        ("SPEAKER_01", "That sounds perfect. I will make some sandwiches."),
        ("SPEAKER_00", "Wonderful. Let us meet at the car in ten minutes."),
    ];

    public static Transcript Transcript()
    {
        var segments = new List<TranscriptSegment>();
        var t = 0.5;
        for (var i = 0; i < Lines.Length; i++)
        {
            var words = Lines[i].Text.Split(' ').Length;
            var duration = Math.Round(words / 2.6, 2);
            segments.Add(new TranscriptSegment { Id = TranscriptSegment.IdFor(i), Speaker = Lines[i].Speaker, Start = t, End = Math.Round(t + duration, 2), Text = Lines[i].Text });
            t = Math.Round(t + duration + (i == 6 ? 3.0 : 0.4), 2); // a long pause after line 7: a new scene
        }
        return new Transcript { Language = "en", NumSpeakers = 2, TotalDuration = t, Segments = segments };
    }
}
