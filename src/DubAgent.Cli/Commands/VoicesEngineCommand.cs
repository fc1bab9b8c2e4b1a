using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Cli.Hosting;
using DubAgent.Engines.Languages;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent voices engine ENGINE [--language es] [--json]`: the voices a synthesis engine offers, for a cast or an assignment.</summary>
public static class VoicesEngineCommand
{
    public static Command Create(CliHost host)
    {
        var engineName = new Argument<string>("engine") { Description = "A synthesis engine: espeak-ng, openai, piper (see `dubagent doctor`)." };
        var language = new Option<string?>("--language") { Description = "Only voices that speak this language (ISO 639-1, e.g. es)." };
        var json = new Option<bool>("--json") { Description = "Print the voices as JSON." };
        var command = new Command("engine", "List the voices of a synthesis engine (names for the synthesize tool's `voices` cast and for `voices assign`).")
        {
            engineName, language, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var registry = host.Services.GetRequiredService<IEngineRegistry>();
            var name = parse.GetRequiredValue(engineName);
            var (engine, status) = await registry.ResolveAsync<ISynthesizer>(DubAgent.Abstractions.Engines.Capabilities.Synthesize, name, cancellationToken).ConfigureAwait(false);
            var voices = (await engine.ListVoicesAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (parse.GetValue(language) is { Length: > 0 } wanted)
                voices = voices.Where(v => v.Languages.Count == 0 || v.Languages.Any(l => LanguageSet.SamePrimary(l, wanted))).ToList();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { engine = engine.Name, version = status.Version, voices }, DubAgentJson.Options))
                    .ConfigureAwait(false);
                return 0;
            }
            var table = new Table().Title($"{engine.Name} {status.Version} voices").AddColumns("voice", "gender", "pitch", "languages", "description");
            foreach (var v in voices)
                table.AddRow(Cell(v.Name), Cell(v.Gender ?? ""), Cell(v.Pitch?.ToString("0.00", CultureInfo.InvariantCulture) ?? ""),
                    Cell(Languages(v.Languages)), Cell(v.Description ?? ""));
            var console = TerminalOutput.For(stdout);
            console.Write(table);
            if (voices.Count == 0) console.WriteLine("No voice matches.");
            return 0;
        });
        return command;
    }

    private static string Languages(IReadOnlyList<string> languages) => languages.Count switch
    {
        0 => "any",
        <= 6 => string.Join(", ", languages),
        _ => $"{languages.Count} languages ({string.Join(", ", languages.Take(5))}, ...)",
    };

    private static Text Cell(string text) => new(text);
}
