using System.Text;
using System.Text.Json;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// Parses the JSON whisper-cli writes with -oj: <c>{ "result": { "language" }, "transcription": [ { "offsets": { "from", "to" }
/// (milliseconds), "text", "tokens"? } ] }</c>. Tokens (from -ojf) give word timings and a confidence (mean p).
/// </summary>
public static class WhisperCppJson
{
    public static (string? Language, IReadOnlyList<TranscriptSegment> Segments) Parse(string json, double offsetSeconds, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EngineFailedException("whisper-cpp", $"its JSON output '{source}' cannot be read: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            string? language = root.TryGetProperty("result", out var result) && result.TryGetProperty("language", out var l) ? l.GetString() : null;
            if (!root.TryGetProperty("transcription", out var transcription) || transcription.ValueKind != JsonValueKind.Array)
                throw new EngineFailedException("whisper-cpp", $"its JSON output '{source}' has no 'transcription' array.");
            var segments = new List<TranscriptSegment>();
            foreach (var item in transcription.EnumerateArray())
            {
                var text = item.TryGetProperty("text", out var t) ? t.GetString()?.Trim() ?? "" : "";
                if (text.Length == 0 || !item.TryGetProperty("offsets", out var offsets)) continue;
                var start = offsets.GetProperty("from").GetDouble() / 1000 + offsetSeconds;
                var end = offsets.GetProperty("to").GetDouble() / 1000 + offsetSeconds;
                var (words, confidence) = Words(item, offsetSeconds);
                segments.Add(new TranscriptSegment { Start = start, End = end, Text = text, Confidence = confidence ?? 1.0, Words = words });
            }
            return (language, segments);
        }
    }

    /// <summary>Joins sub-word tokens into words (a token starting with a space starts a word); skips [_BEG_]-style specials.</summary>
    private static (IReadOnlyList<WordTiming>? Words, double? Confidence) Words(JsonElement item, double offsetSeconds)
    {
        if (!item.TryGetProperty("tokens", out var tokens) || tokens.ValueKind != JsonValueKind.Array) return (null, null);
        var words = new List<WordTiming>();
        var probabilities = new List<double>();
        StringBuilder? current = null;
        double start = 0, end = 0;
        var p = new List<double>();
        foreach (var token in tokens.EnumerateArray())
        {
            var text = token.TryGetProperty("text", out var tt) ? tt.GetString() ?? "" : "";
            if (text.StartsWith("[_", StringComparison.Ordinal) || text.Length == 0) continue;
            var from = token.GetProperty("offsets").GetProperty("from").GetDouble() / 1000 + offsetSeconds;
            var to = token.GetProperty("offsets").GetProperty("to").GetDouble() / 1000 + offsetSeconds;
            var probability = token.TryGetProperty("p", out var pp) ? pp.GetDouble() : 1.0;
            probabilities.Add(probability);
            if (current is null || text.StartsWith(' '))
            {
                Flush();
                current = new StringBuilder(text.Trim());
                start = from;
                p.Clear();
            }
            else current.Append(text);
            end = to;
            p.Add(probability);
        }
        Flush();
        return (words, probabilities.Count > 0 ? probabilities.Average() : null);

        void Flush()
        {
            if (current is { Length: > 0 }) words.Add(new WordTiming(current.ToString(), start, end, p.Count > 0 ? p.Average() : 1.0));
        }
    }
}
