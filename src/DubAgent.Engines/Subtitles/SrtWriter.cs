using System.Text;

namespace DubAgent.Engines.Subtitles;

/// <summary>SubRip (.srt): numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", the lines, a blank line.</summary>
public static class SrtWriter
{
    public static string Write(IReadOnlyList<SubtitleCue> cues, bool speakerLabels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            text.Append(i + 1).Append('\n');
            text.Append(SubtitleTime.Srt(cue.Start)).Append(" --> ").Append(SubtitleTime.Srt(cue.End)).Append('\n');
            for (var l = 0; l < cue.Lines.Count; l++)
            {
                if (l == 0 && speakerLabels && cue.Speaker is not null) text.Append(cue.Speaker).Append(": ");
                text.Append(cue.Lines[l].Replace("-->", "->")).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
