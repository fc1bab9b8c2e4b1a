using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent voices add NAME --sample FILE... [--json]`: more recordings of an actor already in the library.</summary>
public static class VoicesAddCommand
{
    public static Command Create(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The actor's name in the library." };
        var samples = VoicesCreateCommand.SampleOption();
        var json = new Option<bool>("--json") { Description = "Print the actor as JSON." };
        var command = new Command("add", "Add recordings to an actor already in the library, so the person is recognised in more conditions.")
        {
            name, samples, json,
        };
        command.SetAction((parse, cancellationToken) => VoicesCreateCommand.WithScratchAsync(async scratch =>
        {
            var given = parse.GetValue(samples) ?? [];
            var actor = await host.Services.GetRequiredService<VoiceEnrollment>().AddSamplesAsync(parse.GetRequiredValue(name), given, scratch, cancellationToken)
                .ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(VoiceSummary.Of(actor, withClips: true), DubAgentJson.Options)).ConfigureAwait(false);
            else
                await stdout.WriteLineAsync($"added {given.Length} sample(s) to '{actor.Name}': {actor.Clips.Count} clip(s), {actor.Clips.Sum(c => c.Seconds):0.0} s in all").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
