using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Studio;

/// <summary>What the new-dub form asks for, read and range-checked: each bad field is named with what it accepts.</summary>
public sealed record DubRequest
{
    public static readonly string[] Stages = ["separate", "transcribe", "diarize", "translate", "synthesize"];

    public string? PickedVideo { get; init; }
    public IFormFile? UploadedVideo { get; init; }
    public IFormFile? Music { get; init; }
    public string SourceLanguage { get; init; } = "auto";
    public string TargetLanguage { get; init; } = "es";
    public string Content { get; init; } = "auto";
    public string Budget { get; init; } = "standard";
    public Dictionary<string, string> Engines { get; init; } = [];
    public bool IncludeOriginal { get; init; } = true;
    public double OriginalVolume { get; init; } = 0.4;
    public double VoiceVolume { get; init; } = 1.0;
    public double MusicVolume { get; init; } = 0.3;
    public bool Ducking { get; init; } = true;
    public double DuckDepthDb { get; init; } = 10;
    public string Loudness { get; init; } = "streaming";
    public double? LoudnessTargetLufs { get; init; }

    /// <summary>Batch: one more video per voice set (a voice per speaker, a default for the others), packed into one ZIP.</summary>
    public IReadOnlyList<VoiceSet> VoiceSets { get; init; } = [];

    public static DubRequest Read(IFormCollection form)
    {
        var problems = new List<string>();
        var uploaded = form.Files.GetFile("video") is { Length: > 0 } file ? file : null;
        var picked = form["picked_video"].ToString() is { Length: > 0 } p ? p : null;
        if (uploaded is null && picked is null) problems.Add("video: upload a video or pick one from the allowed folders.");
        var engines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in Stages)
            if (form[$"engine_{stage}"].ToString() is { Length: > 0 } engine && engine != "auto") engines[stage] = engine;
        var loudness = Choice(form, "loudness", ["streaming", "broadcast", "custom"], "streaming", problems);
        var request = new DubRequest
        {
            PickedVideo = picked,
            UploadedVideo = uploaded,
            Music = form.Files.GetFile("music") is { Length: > 0 } music ? music : null,
            SourceLanguage = Language(form, "source_language", "auto", problems),
            TargetLanguage = Language(form, "target_language", "es", problems),
            Content = Choice(form, "content", ["auto", "dialogue", "cinematic"], "auto", problems),
            Budget = Choice(form, "budget", ["standard", "low"], "standard", problems),
            Engines = engines,
            IncludeOriginal = form.ContainsKey("include_original"),
            OriginalVolume = Number(form, "original_volume", 0.4, 0, 1, problems),
            VoiceVolume = Number(form, "voice_volume", 1.0, 0, 2, problems),
            MusicVolume = Number(form, "music_volume", 0.3, 0, 1, problems),
            Ducking = form.ContainsKey("ducking"),
            DuckDepthDb = Number(form, "duck_depth_db", 10, 0, 40, problems),
            Loudness = loudness,
            LoudnessTargetLufs = loudness == "custom" ? Number(form, "loudness_target_lufs", -16, -40, -5, problems) : null,
            VoiceSets = VoiceSet.Read(form, problems),
        };
        if (request.SourceLanguage == request.TargetLanguage)
            problems.Add($"target_language: it is the same as the source language ({request.SourceLanguage}); choose another.");
        if (problems.Count > 0) throw new StudioRefusal(string.Join("\n", problems));
        return request;
    }

    private static string Language(IFormCollection form, string name, string fallback, List<string> problems)
    {
        var value = form[name].ToString().Trim().ToLowerInvariant();
        if (value.Length == 0) return fallback;
        if (value == "auto" || value.Length is 2 or 3 && value.All(char.IsAsciiLetterLower)) return value;
        problems.Add($"{name}: '{value}' is not an ISO 639-1 code such as en or es.");
        return fallback;
    }

    private static string Choice(IFormCollection form, string name, string[] allowed, string fallback, List<string> problems)
    {
        var value = form[name].ToString();
        if (value.Length == 0) return fallback;
        if (allowed.Contains(value)) return value;
        problems.Add($"{name}: '{value}' is not one of {string.Join(", ", allowed)}.");
        return fallback;
    }

    private static double Number(IFormCollection form, string name, double fallback, double min, double max, List<string> problems)
    {
        var text = form[name].ToString();
        if (text.Length == 0) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        problems.Add($"{name}: '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }
}
