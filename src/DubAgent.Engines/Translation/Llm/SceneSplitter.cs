using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Groups segments into context windows: a long pause starts a new scene, and a scene longer than a window is cut at
/// a speaker turn where one is near, so an exchange stays together.
/// </summary>
public static class SceneSplitter
{
    public static IReadOnlyList<SceneWindow> Split(IReadOnlyList<TranscriptSegment> segments, double sceneGapSeconds, int maxWindowSegments)
    {
        maxWindowSegments = Math.Max(1, maxWindowSegments);
        var windows = new List<SceneWindow>();
        var scene = 0;
        var start = 0;
        while (start < segments.Count)
        {
            // The scene runs until the next long pause.
            var sceneEnd = start + 1;
            while (sceneEnd < segments.Count && segments[sceneEnd].Start - segments[sceneEnd - 1].End <= sceneGapSeconds) sceneEnd++;

            var position = start;
            while (position < sceneEnd)
            {
                var end = Math.Min(sceneEnd, position + maxWindowSegments);
                if (end < sceneEnd) end = CutAtTurn(segments, position, end, maxWindowSegments);
                windows.Add(new SceneWindow(windows.Count, scene, segments.Skip(position).Take(end - position).ToList()));
                position = end;
            }
            scene++;
            start = sceneEnd;
        }
        return windows;
    }

    /// <summary>The last speaker change in the second half of the window, or the full window when there is none.</summary>
    private static int CutAtTurn(IReadOnlyList<TranscriptSegment> segments, int from, int end, int max)
    {
        for (var cut = end; cut > from + max / 2; cut--)
            if (segments[cut].Speaker != segments[cut - 1].Speaker) return cut;
        return end;
    }
}
