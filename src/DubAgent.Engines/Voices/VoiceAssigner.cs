using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Assigns a voice after checking it: the engine must exist, and the voice must be one it lists or one cloned for
/// this actor. An engine not installed here is allowed (the library may be shared with a machine that has it).
/// </summary>
public sealed class VoiceAssigner(IVoiceLibrary library, IEngineRegistry engines)
{
    public async Task AssignAsync(string actorName, VoiceAssignment assignment, CancellationToken cancellationToken)
    {
        var actor = await library.FindAsync(actorName, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"The voice library has no actor named '{actorName}'.", "See `dubagent voices list`, or create the actor first.");
        var engine = engines.Find(Capabilities.Synthesize, assignment.Engine) as ISynthesizer
            ?? throw new InputException($"Unknown synthesis engine '{assignment.Engine}'.",
                $"Use one of: {string.Join(", ", engines.ForCapability(Capabilities.Synthesize).Select(e => e.Name))}.");
        var cloned = actor.ClonedVoices.Any(v => v.Engine == engine.Name && v.VoiceId == assignment.Voice);
        var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
        if (!cloned && status.Available)
        {
            var voices = await engine.ListVoicesAsync(cancellationToken).ConfigureAwait(false);
            var voice = voices.FirstOrDefault(v => string.Equals(v.Name, assignment.Voice, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"Engine '{engine.Name}' has no voice '{assignment.Voice}'.",
                    $"Use one of: {string.Join(", ", voices.Take(20).Select(v => v.Name))} (`dubagent voices engine {engine.Name}`)"
                    + (engine is ILanguageVoiceHint fetchable ? $"; or {fetchable.VoiceHint(assignment.Language)}." : "."));
            // A voice that says which languages it speaks must speak this one: an English Piper voice cannot read Spanish.
            if (voice.Languages.Count > 0 && !voice.Languages.Any(l => LanguageSet.SamePrimary(l, assignment.Language)))
            {
                var speaking = voices.Where(v => v.Languages.Any(l => LanguageSet.SamePrimary(l, assignment.Language))).Take(20).Select(v => v.Name).ToList();
                throw new InputException(
                    $"Voice '{voice.Name}' of engine '{engine.Name}' speaks {string.Join(", ", voice.Languages.Take(5))}, not '{assignment.Language}'.",
                    speaking.Count > 0 ? $"Use one of: {string.Join(", ", speaking)}."
                        : engine is ILanguageVoiceHint pullable ? $"{pullable.VoiceHint(assignment.Language)}." : $"Choose another engine for '{assignment.Language}'.");
            }
            assignment = assignment with { Voice = voice.Name };
        }
        await library.AssignAsync(actor.Name, assignment with { Engine = engine.Name }, cancellationToken).ConfigureAwait(false);
    }
}
