using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using DubAgent.Core.Models;
using DubAgent.Core.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Adds a person's voice to the library with their consent: checks the consent and samples before anything is
/// written, keeps the samples as reference clips with their embeddings and the consent record, and, when a cloning
/// engine is named, clones the voice and records it under that consent. A failure after the actor exists removes it.
/// </summary>
public sealed class VoiceEnrollment(IVoiceLibrary library, VoiceSamples samples, SpeakerVoiceprinter printer, IEngineRegistry engines)
{
    public async Task<VoiceActor> CreateAsync(CreateVoiceRequest request, string scratch, CancellationToken cancellationToken)
    {
        var statement = ConsentRequirement.Require(request.Consent, request.Name);
        ActorNames.Check(request.Name);
        var files = SampleFiles(request.Name, request.Samples);
        if (await library.FindAsync(request.Name, cancellationToken).ConfigureAwait(false) is not null)
            throw new InputException($"The voice library already has an actor named '{request.Name}'.", "Choose another name, or delete the old one first.");
        var cloner = await ClonerAsync(request.Engine, cancellationToken).ConfigureAwait(false);

        var (audio, embeddings) = await ReadAsync(request.Name, files, scratch, cancellationToken).ConfigureAwait(false);
        var hashes = new List<string>();
        foreach (var file in files) hashes.Add(await FileSha256.ComputeAsync(file, null, "", cancellationToken).ConfigureAwait(false));
        var consent = new ConsentRecord(string.IsNullOrWhiteSpace(request.ConsentedBy) ? request.Name.Trim() : request.ConsentedBy.Trim(), statement,
            DateTimeOffset.UtcNow, hashes);

        await library.CreateAsync(request.Name, request.Note, cancellationToken).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < files.Count; i++)
                await library.AddClipAsync(request.Name, files[i], audio[i].Length / 16000.0, files[i], cancellationToken).ConfigureAwait(false);
            foreach (var embedding in embeddings) await library.AddEmbeddingAsync(request.Name, embedding, cancellationToken).ConfigureAwait(false);
            if (cloner is { } c)
            {
                var voiceId = await c.Cloner.CloneAsync(request.Name, files, consent, cancellationToken).ConfigureAwait(false);
                await RecordCloneAsync(request.Name, c, new ClonedVoice(c.Engine, voiceId, consent, DateTimeOffset.UtcNow)).ConfigureAwait(false);
            }
            else
            {
                await library.AddConsentAsync(request.Name, consent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await library.DeleteAsync(request.Name, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return (await library.FindAsync(request.Name, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// More recordings of an actor already in the library: kept as reference clips with their embeddings, so the person
    /// is recognised in more conditions (another microphone, another mood). A clone made before is not remade.
    /// </summary>
    public async Task<VoiceActor> AddSamplesAsync(string name, IReadOnlyList<string> sampleFiles, string scratch, CancellationToken cancellationToken)
    {
        var actor = await library.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"The voice library has no actor named '{name}'.", "`dubagent voices list` shows the actors; `dubagent voices create` adds one.");
        var files = SampleFiles(actor.Name, sampleFiles);
        var (audio, embeddings) = await ReadAsync(actor.Name, files, scratch, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < files.Count; i++)
            await library.AddClipAsync(actor.Name, files[i], audio[i].Length / 16000.0, files[i], cancellationToken).ConfigureAwait(false);
        foreach (var embedding in embeddings) await library.AddEmbeddingAsync(actor.Name, embedding, cancellationToken).ConfigureAwait(false);
        return (await library.FindAsync(actor.Name, cancellationToken).ConfigureAwait(false))!;
    }

    private static List<string> SampleFiles(string name, IReadOnlyList<string> given)
    {
        if (given.Count == 0)
            throw new InputException($"No sample was given for the voice '{name}'.", "Pass one or more recordings of the person's voice (--sample FILE).");
        return given.Select(s => InputFiles.RequireFile(s, "sample")).ToList();
    }

    /// <summary>The samples as 16 kHz mono and their embeddings; refused when they hold under a second of speech.</summary>
    private async Task<(IReadOnlyList<float[]> Audio, IReadOnlyList<SpeakerEmbedding> Embeddings)> ReadAsync(string name, List<string> files, string scratch,
        CancellationToken cancellationToken)
    {
        var audio = await samples.ReadAsync(files, scratch, cancellationToken).ConfigureAwait(false);
        var embeddings = printer.Embed(audio, "samples");
        if (embeddings.Count == 0)
            throw new InputException($"The samples for '{name}' hold less than a second of speech.", "Give recordings with at least a few seconds of the person talking.");
        return (audio, embeddings);
    }

    // The engine now holds a voice made from the person's samples: it is recorded whatever the caller's token says, and
    // when the record cannot be written the remote voice is removed again, so no clone exists without its consent record.
    private async Task RecordCloneAsync(string actor, (string Engine, IVoiceCloner Cloner) cloner, ClonedVoice voice)
    {
        try
        {
            await library.AddClonedVoiceAsync(actor, voice, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception recordFailure)
        {
            try
            {
                await cloner.Cloner.DeleteClonedVoiceAsync(voice.VoiceId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception deleteFailure)
            {
                throw new StorageException(
                    $"The voice '{actor}' was cloned by {cloner.Engine} as '{voice.VoiceId}', but the library could not record it ({recordFailure.Message}), " +
                    $"and removing that clone again failed too ({deleteFailure.Message}).",
                    $"Delete the voice '{voice.VoiceId}' in your {cloner.Engine} account, then fix the library ({recordFailure.Message}) and create the voice again.", recordFailure);
            }
            throw;
        }
    }

    private async Task<(string Engine, IVoiceCloner Cloner)?> ClonerAsync(string? engine, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(engine)) return null;
        var (resolved, _) = await engines.ResolveAsync<ISynthesizer>(Capabilities.Synthesize, engine, cancellationToken).ConfigureAwait(false);
        if (resolved is IVoiceCloner cloner) return (resolved.Name, cloner);
        var able = engines.ForCapability(Capabilities.Synthesize).Where(e => e is IVoiceCloner).Select(e => e.Name).ToList();
        throw new InputException($"The synthesis engine '{resolved.Name}' cannot clone voices.",
            able.Count == 0 ? "No cloning engine is installed; leave --engine out to keep the samples and consent for later."
                : $"Use one of: {string.Join(", ", able)}.");
    }
}
