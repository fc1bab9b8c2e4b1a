namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Which ggml model a run uses: the `Whisper:Model` setting (a catalog name or a file path), else `base.en` for English
/// when it is in the store and `base` otherwise. Catalog ids are the names with `whisper-` in front.
/// </summary>
public static class WhisperModelChoice
{
    public const string DefaultId = "whisper-base";
    public const string DefaultEnglishId = "whisper-base.en";

    /// <summary>A setting that names a file rather than a catalog model.</summary>
    public static bool IsPath(string value) =>
        value.Contains('/') || value.Contains('\\') || value.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);

    /// <summary>`base` → `whisper-base`; `whisper-base` stays.</summary>
    public static string CatalogId(string name) =>
        name.StartsWith("whisper-", StringComparison.OrdinalIgnoreCase) ? name.ToLowerInvariant() : "whisper-" + name.ToLowerInvariant();

    /// <summary>English-only models carry `.en` in their name (`base.en`, `small.en-q8_0`, `ggml-tiny.en.bin`).</summary>
    public static bool IsEnglishOnly(string nameOrPath) =>
        Path.GetFileName(nameOrPath).Contains(".en", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The catalog models a run may use, best first: the configured one alone; for English base.en then base; for any
    /// other or an unknown language, base (an English-only model cannot tell or transcribe another language).
    /// </summary>
    public static IReadOnlyList<string> Candidates(string? configured, string? language) =>
        configured is not null ? [CatalogId(configured)]
        : string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? [DefaultEnglishId, DefaultId]
        : [DefaultId];
}
