using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Voices;

/// <summary>
/// `create_voice`: adds a person's voice to the library from samples, only with their consent. A client that supports
/// elicitation is asked for the consent statement when the call has none; otherwise the call is refused.
/// </summary>
public sealed class CreateVoiceTool(VoiceEnrollment enrollment) : Tool<CreateVoiceArguments, VoiceSummary>, IJoblessTool
{
    public override string Name => "create_voice";

    public override string Description =>
        "Adds a person to the voice library from recordings of their voice, for cloning and for recognising them in later jobs. " +
        "Requires their consent: the statement they agreed to (argument `consent`; clients with elicitation are asked for it). " +
        "The library records who consented, the statement, the date and the samples' SHA-256. With `engine` (a cloning engine) " +
        "the voice is cloned now; then assign_voice gives it to the actor per language.";

    public override async Task<VoiceSummary> InvokeAsync(CreateVoiceArguments arguments, ToolContext context)
    {
        var consent = arguments.Consent;
        if (string.IsNullOrWhiteSpace(consent) && context.CallerQuestions is { } questions)
            consent = await questions.AskTextAsync(
                $"Cloning the voice of '{arguments.Name}' needs their consent. {ConsentRequirement.Why} Enter the statement they agreed to, or decline.",
                "consent", "The consent statement, in the person's words.", context.CancellationToken).ConfigureAwait(false);
        // The call runs outside any job (IJoblessTool): the samples are decoded in a scratch folder of its own.
        var scratch = Path.Combine(Path.GetTempPath(), $"dubagent-voice-{Guid.NewGuid():N}");
        try
        {
            var actor = await enrollment.CreateAsync(
                new CreateVoiceRequest(arguments.Name, arguments.Samples.Select(s => context.Paths.CheckRead(s, "samples")).ToList(), consent,
                    arguments.ConsentedBy, arguments.Engine),
                scratch, context.CancellationToken).ConfigureAwait(false);
            return VoiceSummary.Of(actor, withClips: true);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
