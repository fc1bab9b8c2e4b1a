using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Gives a job's speakers their actors: the caller's `actors` first, then the best embedding match above its threshold
/// (each actor to one speaker, best scores first). In remember mode, afterwards, new speakers become actors and
/// matched ones learn the voice they got for a language that had none.
/// </summary>
public sealed class ActorCasting(IVoiceLibrary library)
{
    public async Task<IReadOnlyDictionary<string, SpeakerActor>> MatchAsync(IReadOnlyList<SpeakerReference> references,
        IReadOnlyDictionary<string, string>? named, CancellationToken cancellationToken)
    {
        var actors = await library.ListAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, SpeakerActor>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (speaker, name) in named ?? new Dictionary<string, string>())
        {
            var actor = actors.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"actors: the voice library has no actor named '{name}' (for {speaker}).",
                    $"Use one of: {string.Join(", ", actors.Select(a => a.Name).Take(20))}, or leave {speaker} out to match by voice.");
            result[speaker] = new SpeakerActor(speaker, actor, "named", null);
            taken.Add(actor.Name);
        }
        var scored = references.Where(r => !result.ContainsKey(r.Speaker))
            .SelectMany(r => actors.Select(a => (r.Speaker, Actor: a, Match: SpeakerVoiceprinter.Match(r.Embeddings, [a]))))
            .Where(x => x.Match is { IsMatch: true })
            .OrderByDescending(x => x.Match!.Score);
        foreach (var (speaker, actor, match) in scored)
        {
            if (result.ContainsKey(speaker) || taken.Contains(actor.Name)) continue;
            result[speaker] = new SpeakerActor(speaker, actor, "matched", match!.Score);
            taken.Add(actor.Name);
        }
        return result;
    }

    /// <summary>
    /// The voice ids <paramref name="engine"/> cloned for actors of the library: each speaks only for its person. An
    /// absent library has none (and is not created by asking).
    /// </summary>
    public async Task<IReadOnlySet<string>> ClonedVoicesAsync(string engine, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(library.Directory, VoiceDatabase.FileName))) return new HashSet<string>();
        var actors = await library.ListAsync(cancellationToken).ConfigureAwait(false);
        return actors.SelectMany(a => a.ClonedVoices).Where(v => v.Engine == engine).Select(v => v.VoiceId).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Writes what this job learnt: new actors for unmatched speakers, and voices for languages matched actors lacked.</summary>
    public async Task<IReadOnlyList<SpeakerActor>> RememberAsync(IReadOnlyList<SpeakerReference> references, IReadOnlyDictionary<string, SpeakerActor> matched,
        IReadOnlyDictionary<string, string> cast, string language, string engine, string jobName, CancellationToken cancellationToken)
    {
        var added = new List<SpeakerActor>();
        foreach (var reference in references)
        {
            if (!cast.TryGetValue(reference.Speaker, out var voice)) continue;
            if (matched.TryGetValue(reference.Speaker, out var known))
            {
                if (known.Actor.AssignmentFor(language) is null)
                    await library.AssignAsync(known.Actor.Name, new VoiceAssignment(language, engine, voice), cancellationToken).ConfigureAwait(false);
                continue;
            }
            var name = await FreeNameAsync($"{jobName} {reference.Speaker}", cancellationToken).ConfigureAwait(false);
            var actor = await library.CreateAsync(name, $"speaker {reference.Speaker} of job {jobName}", cancellationToken).ConfigureAwait(false);
            await library.AddClipAsync(name, reference.ClipPath, reference.Seconds, $"{jobName}/{reference.Speaker}", cancellationToken).ConfigureAwait(false);
            foreach (var embedding in reference.Embeddings) await library.AddEmbeddingAsync(name, embedding, cancellationToken).ConfigureAwait(false);
            await library.AssignAsync(name, new VoiceAssignment(language, engine, voice), cancellationToken).ConfigureAwait(false);
            added.Add(new SpeakerActor(reference.Speaker, actor, "added", null));
        }
        return added;
    }

    private async Task<string> FreeNameAsync(string wanted, CancellationToken cancellationToken)
    {
        var name = new string(wanted.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '-').ToArray()).Trim();
        if (name.Length > 56) name = name[^56..].Trim();
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? name : $"{name} {i}";
            if (await library.FindAsync(candidate, cancellationToken).ConfigureAwait(false) is null) return candidate;
        }
    }
}
