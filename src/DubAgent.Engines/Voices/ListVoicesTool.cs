using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>`list_voices`: the actors of the voice library with their voices per language, cloned voices and consents.</summary>
public sealed class ListVoicesTool(IVoiceLibrary library) : Tool<ListVoicesArguments, VoiceListResult>, IJoblessTool
{
    public override string Name => "list_voices";

    public override string Description =>
        "Lists the voice library: actors remembered across jobs, each with reference clips, the voice assigned per target language " +
        "(engine, voice, rate, pitch), cloned voices and the consent records they were made under. synthesize gives a speaker " +
        "matched to an actor that actor's voice for the language. Next: assign_voice or create_voice.";

    public override async Task<VoiceListResult> InvokeAsync(ListVoicesArguments arguments, ToolContext context)
    {
        IReadOnlyList<VoiceActor> actors;
        if (string.IsNullOrWhiteSpace(arguments.Name))
            actors = await library.ListAsync(context.CancellationToken).ConfigureAwait(false);
        else
            actors = [await library.FindAsync(arguments.Name, context.CancellationToken).ConfigureAwait(false)
                ?? throw new InputException($"The voice library has no actor named '{arguments.Name}'.", "Call list_voices without a name to see them all.")];
        return new VoiceListResult(library.Directory, actors.Count, actors.Select(a => VoiceSummary.Of(a, withClips: actors.Count == 1)).ToList());
    }
}
