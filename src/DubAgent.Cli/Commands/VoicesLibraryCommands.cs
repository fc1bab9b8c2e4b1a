using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Cli.Hosting;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent voices list | show NAME | assign NAME ... | delete NAME` over the shared library (IVoiceLibrary).</summary>
public static class VoicesLibraryCommands
{
    public static Command List(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the actors as JSON." };
        var command = new Command("list", "List the actors in the voice library with their voices per language.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var library = host.Services.GetRequiredService<IVoiceLibrary>();
            var actors = await library.ListAsync(cancellationToken).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var list = new VoiceListResult(library.Directory, actors.Count, actors.Select(a => VoiceSummary.Of(a)).ToList());
                await stdout.WriteLineAsync(JsonSerializer.Serialize(list, DubAgentJson.Options)).ConfigureAwait(false);
                return 0;
            }
            var table = new Table().Title($"voice library ({Markup.Escape(library.Directory)})").AddColumns("actor", "clips", "voices", "cloned", "consent");
            foreach (var a in actors)
                table.AddRow(Cell(a.Name), Cell($"{a.Clips.Count} ({a.Clips.Sum(c => c.Seconds):0.0} s)"),
                    Cell(string.Join(", ", a.Assignments.Select(v => $"{v.Language}: {v.Engine}/{v.Voice}"))),
                    Cell(string.Join(", ", a.ClonedVoices.Select(v => $"{v.Engine}:{v.VoiceId}"))), Cell(a.Consents.Count > 0 ? "yes" : ""));
            var console = TerminalOutput.For(stdout);
            console.Write(table);
            if (actors.Count == 0) console.WriteLine("The library is empty: `dubagent voices create` adds a voice; dub jobs add the speakers they meet.");
            return 0;
        });
        return command;
    }

    public static Command Show(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The actor's name." };
        var json = new Option<bool>("--json") { Description = "Print the actor as JSON." };
        var command = new Command("show", "Show one actor: clips, embeddings, voices per language, cloned voices and consent records.") { name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var actor = await RequireAsync(host, parse.GetRequiredValue(name), cancellationToken).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(VoiceSummary.Of(actor, withClips: true), DubAgentJson.Options)).ConfigureAwait(false);
                return 0;
            }
            var console = TerminalOutput.For(stdout);
            console.WriteLine($"{actor.Name} (since {actor.Created:yyyy-MM-dd}){(actor.Note is { } n ? $": {n}" : "")}");
            var clips = new Table().Title("reference clips").AddColumns("seconds", "sha256", "source");
            foreach (var c in actor.Clips) clips.AddRow(Cell(c.Seconds.ToString("0.0", CultureInfo.InvariantCulture)), Cell(c.Sha256[..16]), Cell(c.Source ?? ""));
            console.Write(clips);
            console.WriteLine($"embeddings: {string.Join(", ", actor.Embeddings.GroupBy(e => e.Kind).Select(g => $"{g.Key} x{g.Count()}"))}");
            var voices = new Table().Title("voices").AddColumns("language", "engine", "voice", "rate", "pitch");
            foreach (var v in actor.Assignments)
                voices.AddRow(Cell(v.Language), Cell(v.Engine), Cell(v.Voice), Cell(v.Rate?.ToString(CultureInfo.InvariantCulture) ?? ""), Cell(v.Pitch?.ToString(CultureInfo.InvariantCulture) ?? ""));
            console.Write(voices);
            foreach (var c in actor.ClonedVoices) console.WriteLine($"cloned voice {c.Engine}:{c.VoiceId} ({c.Created:yyyy-MM-dd})");
            foreach (var c in actor.Consents)
                console.WriteLine($"consent by {c.ConsentedBy} on {c.Date:yyyy-MM-dd HH:mm} UTC for {c.SourceClipSha256.Count} clip(s): \"{c.Statement}\"");
            return 0;
        });
        return command;
    }

    public static Command Assign(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The actor's name." };
        var language = new Option<string>("--language") { Description = "Target language (ISO 639-1).", Required = true };
        var engine = new Option<string>("--engine") { Description = "Synthesis engine (espeak-ng, piper, openai, ...).", Required = true };
        var voice = new Option<string>("--voice") { Description = "The engine's voice (see `dubagent voices engine ENGINE`).", Required = true };
        var rate = new Option<double?>("--rate") { Description = "Speaking-rate factor (1 = the voice's own)." };
        var pitch = new Option<double?>("--pitch") { Description = "Pitch shift in semitones (0 = the voice's own)." };
        var command = new Command("assign", "Give an actor a voice for one language; later jobs use it for the speaker matched to the actor.")
        {
            name, language, engine, voice, rate, pitch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var assignment = new VoiceAssignment(parse.GetRequiredValue(language), parse.GetRequiredValue(engine), parse.GetRequiredValue(voice),
                parse.GetValue(rate), parse.GetValue(pitch));
            await host.Services.GetRequiredService<VoiceAssigner>().AssignAsync(parse.GetRequiredValue(name), assignment, cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{parse.GetRequiredValue(name)} speaks {assignment.Language} as {assignment.Engine}/{assignment.Voice}")
                .ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    public static Command Delete(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The actor's name." };
        var keepRemote = new Option<bool>("--keep-remote") { Description = "Keep the voices cloned from the actor at their engines (remove only the library's records)." };
        var command = new Command("delete",
            "Remove an actor, their clips, embeddings, voices, cloned voices and consent records from the library; voices cloned from them are removed at their engines too.")
        {
            name, keepRemote,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var actor = parse.GetRequiredValue(name);
            var removed = await host.Services.GetRequiredService<VoiceRemoval>().DeleteAsync(actor, parse.GetValue(keepRemote), cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"deleted '{actor}'" + (removed.Count > 0 ? $" and its cloned voice(s) {string.Join(", ", removed)}" : "")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task<VoiceActor> RequireAsync(CliHost host, string name, CancellationToken cancellationToken) =>
        await host.Services.GetRequiredService<IVoiceLibrary>().FindAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new InputException($"The voice library has no actor named '{name}'.", "See `dubagent voices list`.");

    private static Text Cell(string text) => new(text);
}
