using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Settings of the `openai` speech engine, from the "OpenAI:Speech" section (DUBAGENT_OPENAI__SPEECH__MODEL), falling
/// back to the shared "OpenAI" section and then OPENAI_API_KEY / OPENAI_BASE_URL (the keys: <see cref="OpenAiOptions"/>).
/// <c>Voices</c> is either a comma list ("alloy,onyx") or a map of voice name to "gender,pitch" ("male,0.2").
/// </summary>
public sealed record OpenAiSpeechSettings(string BaseUrl, string? ApiKey, string Model, int MaxConcurrency, IReadOnlyList<Abstractions.Engines.VoiceInfo>? Voices)
{
    public const string OpenAiBaseUrl = "https://api.openai.com/v1";

    public bool IsOpenAi => BaseUrl.Contains("api.openai.com", StringComparison.OrdinalIgnoreCase);

    public static OpenAiSpeechSettings From(IConfiguration configuration)
    {
        var shared = OpenAiOptions.From(configuration);
        var speech = shared.Speech;
        var baseUrl = NonEmpty(speech.BaseUrl) ?? NonEmpty(shared.BaseUrl) ?? NonEmpty(Environment.GetEnvironmentVariable("OPENAI_BASE_URL")) ?? OpenAiBaseUrl;
        var apiKey = NonEmpty(speech.ApiKey) ?? NonEmpty(shared.ApiKey) ?? NonEmpty(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        var concurrency = speech.MaxConcurrency ?? shared.MaxConcurrency ?? 4;
        return new OpenAiSpeechSettings(baseUrl.TrimEnd('/'), apiKey, speech.Model.Trim(), concurrency, ParseVoices(speech.Voices));
    }

    private static IReadOnlyList<Abstractions.Engines.VoiceInfo>? ParseVoices(IConfigurationSection? section)
    {
        if (section is null) return null;
        if (!string.IsNullOrWhiteSpace(section.Value))
            return section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => OpenAiVoices.Known(name) ?? new Abstractions.Engines.VoiceInfo(name, [])).ToList();
        var children = section.GetChildren().ToList();
        if (children.Count == 0) return null;
        return children.Select(child =>
        {
            // Array form (Voices:0 = "alloy") or map form (Voices:alloy = "female,0.6").
            if (int.TryParse(child.Key, out _)) return OpenAiVoices.Known(child.Value ?? "") ?? new Abstractions.Engines.VoiceInfo(child.Value ?? "", []);
            var parts = (child.Value ?? "").Split(',', StringSplitOptions.TrimEntries);
            var gender = parts.Length > 0 && parts[0].Length > 0 ? parts[0] : null;
            double? pitch = parts.Length > 1 && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
            return new Abstractions.Engines.VoiceInfo(child.Key, [], gender, pitch);
        }).Where(v => v.Name.Length > 0).ToList();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
