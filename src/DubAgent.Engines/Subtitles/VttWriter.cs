using System.Text;

namespace DubAgent.Engines.Subtitles;

/// <summary>WebVTT (.vtt): the WEBVTT header, then cues "HH:MM:SS.mmm --> HH:MM:SS.mmm" with escaped text and optional voice spans.</summary>
public static class VttWriter
{
    public static string Write(IReadOnlyList<SubtitleCue> cues, bool speakerLabels)
    {
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            text.Append(SubtitleTime.Vtt(cue.Start)).Append(" --> ").Append(SubtitleTime.Vtt(cue.End)).Append('\n');
            for (var l = 0; l < cue.Lines.Count; l++)
            {
                if (l == 0 && speakerLabels && cue.Speaker is not null) text.Append("<v ").Append(Escape(cue.Speaker)).Append('>');
                text.Append(Escape(cue.Lines[l])).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The three characters WebVTT cue text reserves; escaping '>' also rules out a "-->" inside a cue.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
