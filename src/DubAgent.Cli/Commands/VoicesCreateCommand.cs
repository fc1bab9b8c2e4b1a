using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent voices create NAME --sample FILE... --consent TEXT [--consented-by WHO] [--engine E]`: refused (exit 2) without consent.</summary>
public static class VoicesCreateCommand
{
    public static Command Create(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The actor's name in the library." };
        var samples = SampleOption();
        var consent = new Option<string?>("--consent") { Description = "The consent statement the person agreed to, in their words (required)." };
        var consentedBy = new Option<string?>("--consented-by") { Description = "Who consented, when not the person named (e.g. a guardian)." };
        var engine = new Option<string?>("--engine") { Description = "A cloning engine to make the voice with now; omit to keep samples and consent for later." };
        var json = new Option<bool>("--json") { Description = "Print the new actor as JSON." };
        var command = new Command("create", "Add a person's voice to the library from samples, with their consent (refused without --consent).")
        {
            name, samples, consent, consentedBy, engine, json,
        };
        command.SetAction((parse, cancellationToken) => WithScratchAsync(async scratch =>
        {
            var enrollment = host.Services.GetRequiredService<VoiceEnrollment>();
            var actor = await enrollment.CreateAsync(new CreateVoiceRequest(parse.GetRequiredValue(name), parse.GetValue(samples) ?? [],
                parse.GetValue(consent), parse.GetValue(consentedBy), parse.GetValue(engine)), scratch, cancellationToken).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(VoiceSummary.Of(actor, withClips: true), DubAgentJson.Options)).ConfigureAwait(false);
            else
                await stdout.WriteLineAsync($"created '{actor.Name}': {actor.Clips.Count} clip(s), {actor.Clips.Sum(c => c.Seconds):0.0} s, consent by {actor.Consents.Concat(actor.ClonedVoices.Select(v => v.Consent)).First().ConsentedBy}"
                    + (actor.ClonedVoices.Count > 0 ? $", cloned as {actor.ClonedVoices[0].Engine}:{actor.ClonedVoices[0].VoiceId}" : "")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>`--sample FILE`, repeatable: recordings of the person's voice.</summary>
    internal static Option<string[]> SampleOption() =>
        new("--sample") { Description = "A recording of the person's voice (repeat for several).", AllowMultipleArgumentsPerToken = true };

    /// <summary>Runs <paramref name="work"/> with a scratch folder for the decoded samples, removed afterwards.</summary>
    internal static async Task<int> WithScratchAsync(Func<string, Task<int>> work)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"dubagent-voice-{Guid.NewGuid():N}");
        try
        {
            return await work(scratch).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
