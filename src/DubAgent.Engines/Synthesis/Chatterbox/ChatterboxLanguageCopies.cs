using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// The server speaks a voice in the language stored with it (the speech request has no language field), so a clone
/// spoken in another language needs a copy of its reference stored with that language: `CLONE--es`, made on first use
/// from the file the server holds (downloaded, uploaded again under the new name). A name already taken is used only
/// when it holds the same file (same hash) in the right language; anything else is left alone and reported.
/// </summary>
public sealed class ChatterboxLanguageCopies(string engine)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The voice to speak <paramref name="clone"/> with in <paramref name="language"/>, made when missing.</summary>
    /// <param name="voices">The server's voices as the engine knows them: listed, plus the copies made since.</param>
    /// <param name="made">Tells the engine about a copy just made.</param>
    /// <param name="refresh">Lists the server's voices again.</param>
    public async Task<string> VoiceForAsync(ChatterboxApi api, ChatterboxVoice clone, string language, Func<IReadOnlyList<ChatterboxVoice>> voices,
        Action<ChatterboxVoice> made, Func<CancellationToken, Task<IReadOnlyList<ChatterboxVoice>>> refresh, string scratch, CancellationToken cancellationToken)
    {
        if (clone.Language == language) return clone.Name;
        var name = ChatterboxVoiceNames.ForLanguage(clone.Name, language);
        if (Usable(voices(), name, clone, language)) return name;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another line may have made it while this one waited.
            if (Usable(voices(), name, clone, language)) return name;
            var file = Path.Combine(scratch, $".chatterbox-{Guid.NewGuid():N}{Extension(clone)}");
            try
            {
                await api.DownloadVoiceAsync(clone.Name, file, cancellationToken).ConfigureAwait(false);
                if (await api.TryUploadVoiceAsync(name, file, language, cancellationToken).ConfigureAwait(false))
                {
                    made(clone with { Name = name, Language = language });
                    return name;
                }
            }
            finally
            {
                if (File.Exists(file)) File.Delete(file);
            }
            var taken = (await refresh(cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Name == name);
            if (taken is not null && Usable([taken], name, clone, language)) return name;
            throw new EngineFailedException(engine,
                $"the server's voice library already has a voice named '{name}' that is not the {language} copy of '{clone.Name}' (language {taken?.Language ?? "?"}, another file)",
                $"DubAgent never overwrites a voice on the server: delete '{name}' there (DELETE /v1/voices/{name}) if it is not wanted, then dub again.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool Usable(IReadOnlyList<ChatterboxVoice> voices, string name, ChatterboxVoice clone, string language) =>
        voices.FirstOrDefault(v => v.Name == name) is { } copy && copy.Language == language && (clone.FileHash is null || copy.FileHash == clone.FileHash);

    private static string Extension(ChatterboxVoice clone) =>
        Path.GetExtension(clone.FileName) is { Length: > 1 } extension ? extension.ToLowerInvariant() : ".wav";
}
