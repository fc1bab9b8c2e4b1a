namespace DubAgent.Cli.Demo;

/// <summary>One line of the demo dialogue.</summary>
public sealed record DemoLine(DemoVoice Voice, string Text);

/// <summary>
/// The demo dialogue: twelve short, plain English lines between two speakers (not strictly alternating: one speaker
/// talks twice in a row, as people do), so transcription, diarization and translation have something real to do.
/// </summary>
public static class DemoScript
{
    public static IReadOnlyList<DemoLine> Lines { get; } =
    [
        new(DemoVoice.Low, "Good morning. Did you bring the map for the trip?"),
        new(DemoVoice.High, "Yes, I have it right here in my bag."),
        new(DemoVoice.Low, "Great. We should leave before the rain starts."),
        new(DemoVoice.High, "The weather report said it will be sunny all day."),
        new(DemoVoice.Low, "I do not trust the weather report anymore."),
        new(DemoVoice.Low, "Last week it promised sun, and we got a storm."),
        new(DemoVoice.High, "Fair enough. Let us take the umbrellas, just in case."),
        new(DemoVoice.Low, "Do you know how long the drive is?"),
        new(DemoVoice.High, "About two hours, if the traffic is light."),
        new(DemoVoice.Low, "Then we can stop for lunch by the lake."),
        new(DemoVoice.High, "That sounds perfect. I will make some sandwiches."),
        new(DemoVoice.Low, "Wonderful. Let us meet at the car in ten minutes."),
    ];
}
