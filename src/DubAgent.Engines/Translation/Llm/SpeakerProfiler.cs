using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Core.Media;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// One chat call per speaker for their register, emotion and manner, cached in a JSON file in the job folder
/// (keyed by speaker and a hash of their lines) so a re-run or a second target language does not ask again.
/// A profile that cannot be had is left out (the translation still runs) and logged.
/// </summary>
public sealed class SpeakerProfiler(ChatCaller caller, ILogger logger)
{
    /// <summary>Lines per speaker sent for the profile: enough to judge, short enough for any context window.</summary>
    private const int SampleLines = 30;

    public async Task<IReadOnlyList<SpeakerProfile>> ProfilesAsync(Transcript transcript, string? styleNotes, string? cacheFile, CancellationToken cancellationToken)
    {
        var cache = Load(cacheFile);
        var profiles = new List<SpeakerProfile>();
        var changed = false;
        foreach (var group in transcript.Segments.Where(s => !string.IsNullOrWhiteSpace(s.Text)).GroupBy(s => s.Speaker ?? "SPEAKER"))
        {
            var lines = group.Select(s => s.Text.Trim()).Take(SampleLines).ToList();
            var key = $"{group.Key}:{transcript.Language}:{Hash([.. lines, styleNotes ?? ""])}";
            if (!cache.TryGetValue(key, out var profile))
            {
                profile = await AskAsync(group.Key, transcript.Language, lines, styleNotes, cancellationToken).ConfigureAwait(false);
                if (profile is null) continue;
                cache[key] = profile;
                changed = true;
            }
            profiles.Add(profile);
        }
        if (changed && cacheFile is not null) Save(cacheFile, cache);
        return profiles;
    }

    private async Task<SpeakerProfile?> AskAsync(string speaker, string language, IReadOnlyList<string> lines, string? styleNotes, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, PlannerPrompts.Profile(speaker, language, lines, styleNotes)) };
        try
        {
            var answer = await caller.AskAsync<SpeakerProfile>(messages, checks: false, cancellationToken).ConfigureAwait(false);
            var profile = JsonAnswerReader.TryRead<SpeakerProfile>(answer, out var problem);
            if (profile is null || string.IsNullOrWhiteSpace(profile.Register + profile.Emotion + profile.Manner))
            {
                logger.LogWarning("No profile for {Speaker}: {Problem}", speaker, problem ?? "empty profile");
                return null;
            }
            var address = profile.Address.Trim().ToLowerInvariant();
            return profile with { Speaker = speaker, Address = address is "formal" or "informal" ? address : "" };
        }
        catch (WindowFailedException e)
        {
            logger.LogWarning("No profile for {Speaker}: {Reason}", speaker, e.Message);
            return null;
        }
    }

    private static Dictionary<string, SpeakerProfile> Load(string? file)
    {
        if (file is null || !File.Exists(file)) return new();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, SpeakerProfile>>(File.ReadAllText(file), DubAgentJson.Options) ?? new();
        }
        catch (JsonException)
        {
            return new(); // A damaged cache is only a cache: ask again.
        }
    }

    private static void Save(string file, Dictionary<string, SpeakerProfile> cache)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        AtomicFile.WriteAllText(file, JsonSerializer.Serialize(cache, DubAgentJson.Options));
    }

    private static string Hash(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..16].ToLowerInvariant();
}
