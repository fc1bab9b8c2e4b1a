using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Settings of the `openai` speech engine, from the "OpenAI:Speech" section (DUBAGENT_OPENAI__SPEECH__MODEL), falling
/// back to the shared "OpenAI" section and then OPENAI_API_KEY / OPENAI_BASE_URL.
/// <c>Voices</c> is either a comma list ("alloy,onyx") or a map of voice name to "gender,pitch" ("male,0.2").
/// </summary>
public sealed record OpenAiSpeechSettings(string BaseUrl, string? ApiKey, string Model, int MaxConcurrency, IReadOnlyList<Abstractions.Engines.VoiceInfo>? Voices)
{
    public const string OpenAiBaseUrl = "https://api.openai.com/v1";

    public bool IsOpenAi => BaseUrl.Contains("api.openai.com", StringComparison.OrdinalIgnoreCase);

    public static OpenAiSpeechSettings From(IConfiguration configuration)
    {
        var speech = configuration.GetSection("OpenAI:Speech");
        var shared = configuration.GetSection("OpenAI");
        string? Setting(string key, string? environment = null) =>
            NonEmpty(speech[key]) ?? NonEmpty(shared[key]) ?? (environment is null ? null : NonEmpty(Environment.GetEnvironmentVariable(environment)));

        var baseUrl = Setting("BaseUrl", "OPENAI_BASE_URL") ?? OpenAiBaseUrl;
        var model = NonEmpty(speech["Model"]) ?? "gpt-4o-mini-tts";
        var concurrency = int.TryParse(Setting("MaxConcurrency"), out var c) && c > 0 ? c : 4;
        return new OpenAiSpeechSettings(baseUrl.TrimEnd('/'), Setting("ApiKey", "OPENAI_API_KEY"), model, concurrency, ParseVoices(speech.GetSection("Voices")));
    }

    private static IReadOnlyList<Abstractions.Engines.VoiceInfo>? ParseVoices(IConfigurationSection section)
    {
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
