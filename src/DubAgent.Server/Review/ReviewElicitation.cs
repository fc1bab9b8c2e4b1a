using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Review;

/// <summary>What the user answered to the review form.</summary>
public enum ReviewAnswer
{
    /// <summary>Accepted the form: its lines (edited or not) replace the translation's, and the run goes on.</summary>
    Accepted,

    /// <summary>Declined: the translation stays as it is and the run goes on.</summary>
    Declined,

    /// <summary>Dismissed: the job stays paused for a later resume.</summary>
    Cancelled,
}

/// <summary>
/// The form (MCP elicitation, form mode) that asks the user to accept or edit the translated lines that do not fit
/// their slot: one text field per line, filled with the current wording, titled with its time, slot and fit, the
/// source line beneath; and what the answer means.
/// </summary>
public static class ReviewElicitation
{
    /// <summary>A form this long is still readable; the remaining lines stay for a review of translation.json itself.</summary>
    public const int MaxLines = 20;

    /// <summary>Whether the client takes form elicitations (an empty elicitation capability means form, as the spec says).</summary>
    public static bool Supported(McpServer server) =>
        server.ClientCapabilities?.Elicitation is { } elicitation && (elicitation.Form is not null || elicitation.Url is null);

    /// <summary>The form: one text field per line (the worst <see cref="MaxLines"/>), filled with its current wording.</summary>
    public static ElicitRequestParams Form(IReadOnlyList<ReviewLine> lines, string translationPath)
    {
        var shown = lines.Take(MaxLines).ToList();
        var properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>(StringComparer.Ordinal);
        foreach (var line in shown)
            properties[line.Id] = new ElicitRequestParams.StringSchema
            {
                Title = string.Create(CultureInfo.InvariantCulture,
                    $"{line.Id} · {line.Start:0.00}–{line.End:0.00} s · slot {line.SlotSeconds:0.00} s · fit {line.FitRatio:0.00}{(line.Flag is { } f ? $" · {f}" : "")}"),
                Description = $"Source: {line.Source}",
                Default = line.Target,
                MinLength = 1,
            };
        var message = $"The translation is ready ({translationPath}). {lines.Count} line(s) do not fit their time slot " +
                      $"(fit above {TranslationReview.MaxFit} is too long to say, below {TranslationReview.MinFit} too short)" +
                      (lines.Count > shown.Count ? $"; the {shown.Count} worst are shown" : "") +
                      ". Edit a line to reword it, then accept to go on with the dub. Decline goes on with the lines as they are; " +
                      "cancel leaves the job paused (resume it later with run_pipeline {\"resume\": job}).";
        return new ElicitRequestParams
        {
            Mode = "form",
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = properties },
        };
    }

    /// <summary>The user's answer to <see cref="Form"/>: accepted with the lines they changed, declined, or dismissed.</summary>
    public static (ReviewAnswer Answer, IReadOnlyDictionary<string, string> Edits) Read(ElicitResult? result, IReadOnlyList<ReviewLine> lines) =>
        result?.Action switch
        {
            "accept" => (ReviewAnswer.Accepted, Edits(result.Content, lines.Take(MaxLines).ToList())),
            "decline" => (ReviewAnswer.Declined, new Dictionary<string, string>()),
            _ => (ReviewAnswer.Cancelled, new Dictionary<string, string>()),
        };

    /// <summary>The fields the user changed, by segment id; fields left out or not text keep their line.</summary>
    private static Dictionary<string, string> Edits(IDictionary<string, JsonElement>? content, IReadOnlyList<ReviewLine> shown)
    {
        var edits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in shown)
            if (content is not null && content.TryGetValue(line.Id, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { } text && text.Trim() != line.Target)
                edits[line.Id] = text;
        return edits;
    }
}
