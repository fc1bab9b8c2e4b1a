using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Removes an actor: first the voices cloned from them at the engines that made them (so a withdrawn consent leaves no
/// usable clone behind), then their library records. A clone that cannot be removed stops the deletion with the reason,
/// unless <c>keepRemote</c> says to remove only the library's records.
/// </summary>
public sealed class VoiceRemoval(IVoiceLibrary library, IEngineRegistry engines)
{
    /// <returns>The cloned voices removed at their engines (`engine:voice_id`).</returns>
    public async Task<IReadOnlyList<string>> DeleteAsync(string name, bool keepRemote, CancellationToken cancellationToken)
    {
        var actor = await library.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"The voice library has no actor named '{name}'.", "See `dubagent voices list`.");
        var removed = new List<string>();
        foreach (var clone in keepRemote ? [] : actor.ClonedVoices)
        {
            var engine = engines.All.FirstOrDefault(e => string.Equals(e.Name, clone.Engine, StringComparison.OrdinalIgnoreCase)) as IVoiceCloner
                ?? throw new InputException($"'{actor.Name}' has a voice cloned by '{clone.Engine}' ({clone.VoiceId}), an engine not installed here.",
                    "Remove that voice at the engine yourself, then delete with --keep-remote.");
            try
            {
                await engine.DeleteClonedVoiceAsync(clone.VoiceId, cancellationToken).ConfigureAwait(false);
            }
            catch (DubAgentException e)
            {
                throw new InputException($"Could not remove the voice {clone.Engine}:{clone.VoiceId} cloned from '{actor.Name}': {e.Message}",
                    $"{e.Hint} Or delete with --keep-remote to remove only the library's records (the clone then stays at {clone.Engine}).", e);
            }
            removed.Add($"{clone.Engine}:{clone.VoiceId}");
        }
        await library.DeleteAsync(actor.Name, cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
