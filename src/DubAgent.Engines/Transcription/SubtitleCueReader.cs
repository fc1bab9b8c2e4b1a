using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// Reads SubRip (.srt) and WebVTT (.vtt) cues as transcript segments: times, text with markup removed (&lt;i&gt;,
/// {\an8}, VTT voice tags). A malformed cue is an InputException that names the file and the line.
/// </summary>
public static partial class SubtitleCueReader
{
    public static bool IsSubtitleFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".srt" or ".vtt";

    public static IReadOnlyList<TranscriptSegment> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var vtt = Path.GetExtension(path).Equals(".vtt", StringComparison.OrdinalIgnoreCase)
                  || (lines.Length > 0 && lines[0].TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal));
        return Parse(lines, vtt, path);
    }

    public static IReadOnlyList<TranscriptSegment> Parse(IReadOnlyList<string> lines, bool vtt, string name)
    {
        var segments = new List<TranscriptSegment>();
        var i = 0;
        if (vtt)
        {
            if (lines.Count == 0 || !lines[0].TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal))
                throw new InputException($"{name}:1: a WebVTT file must start with 'WEBVTT'.", "Fix the first line, or save the file as .srt if it is SubRip.");
            i = SkipBlock(lines, 0); // header block
        }
        while (i < lines.Count)
        {
            while (i < lines.Count && lines[i].Trim().Length == 0) i++;
            if (i >= lines.Count) break;
            var blockStart = i;
            if (vtt && (lines[i].StartsWith("NOTE", StringComparison.Ordinal) || lines[i].StartsWith("STYLE", StringComparison.Ordinal)
                        || lines[i].StartsWith("REGION", StringComparison.Ordinal)))
            {
                i = SkipBlock(lines, i);
                continue;
            }
            // An optional identifier line (the SRT counter, a VTT cue id) before the timing line.
            if (!lines[i].Contains("-->", StringComparison.Ordinal)) i++;
            if (i >= lines.Count || !lines[i].Contains("-->", StringComparison.Ordinal))
            {
                var at = Math.Min(i, lines.Count - 1);
                throw new InputException($"{name}:{at + 1}: expected a timing line like '00:00:01,000 --> 00:00:02,500', found '{lines[at].Trim()}' (cue starting at line {blockStart + 1}).",
                    "Each cue is: an optional number, a timing line, the text, then a blank line.");
            }
            var (start, end) = ParseTiming(lines[i], i + 1, name);
            i++;
            var text = new List<string>();
            while (i < lines.Count && lines[i].Trim().Length > 0) text.Add(CleanText(lines[i++]));
            var joined = string.Join(' ', text.Where(t => t.Length > 0));
            if (joined.Length == 0) continue; // an empty cue carries no speech
            segments.Add(new TranscriptSegment { Start = start, End = end, Text = joined, Confidence = 1.0 });
        }
        return segments;
    }

    private static int SkipBlock(IReadOnlyList<string> lines, int i)
    {
        while (i < lines.Count && lines[i].Trim().Length > 0) i++;
        return i;
    }

    private static (double Start, double End) ParseTiming(string line, int lineNumber, string name)
    {
        var match = TimingLine().Match(line.Trim());
        if (!match.Success)
            throw new InputException($"{name}:{lineNumber}: cannot read the timing line '{line.Trim()}'.",
                "Use 'HH:MM:SS,mmm --> HH:MM:SS,mmm' (SRT) or 'HH:MM:SS.mmm --> HH:MM:SS.mmm' (VTT).");
        var start = Seconds(match.Groups["a"].Value);
        var end = Seconds(match.Groups["b"].Value);
        if (end < start)
            throw new InputException($"{name}:{lineNumber}: the cue ends ({match.Groups["b"].Value}) before it starts ({match.Groups["a"].Value}).",
                "Swap or correct the two times.");
        return (start, end);
    }

    private static double Seconds(string stamp)
    {
        var parts = stamp.Replace(',', '.').Split(':');
        var seconds = double.Parse(parts[^1], CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[^2], CultureInfo.InvariantCulture);
        var hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        return hours * 3600 + minutes * 60 + seconds;
    }

    private static string CleanText(string line) =>
        Whitespace().Replace(AssTags().Replace(MarkupTags().Replace(line, ""), ""), " ").Trim();

    [GeneratedRegex(@"^(?<a>(\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*(?<b>(\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3})(\s.*)?$")]
    private static partial Regex TimingLine();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex MarkupTags();

    [GeneratedRegex(@"\{\\[^}]*\}")]
    private static partial Regex AssTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
