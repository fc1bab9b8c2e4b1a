using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>`assign_voice`: sets the voice an actor speaks with in one language (checked against the engine's voices).</summary>
public sealed class AssignVoiceTool(IVoiceLibrary library, VoiceAssigner assigner) : Tool<AssignVoiceArguments, VoiceSummary>, IJoblessTool
{
    public override string Name => "assign_voice";

    public override string Description =>
        "Gives a library actor a voice for one target language: a synthesis engine, one of its voices (or a cloned voice id) and " +
        "optional rate and pitch. Every later job whose speaker matches the actor speaks that language in this voice. Replaces " +
        "the actor's earlier voice for the language. See list_voices for actors, list_engines for engines.";

    public override async Task<VoiceSummary> InvokeAsync(AssignVoiceArguments arguments, ToolContext context)
    {
        await assigner.AssignAsync(arguments.Name,
            new VoiceAssignment(arguments.Language, arguments.Engine, arguments.Voice, arguments.Rate, arguments.Pitch), context.CancellationToken)
            .ConfigureAwait(false);
        var actor = await library.FindAsync(arguments.Name, context.CancellationToken).ConfigureAwait(false);
        return VoiceSummary.Of(actor!);
    }
}
