using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Plugins;
using DubAgent.Core.Registry;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent plugins`: the loaded plugins with their versions, tools and engines, and those refused and why.</summary>
public static class PluginsCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for machines." };
        var command = new Command("plugins", "List the loaded plugins, their versions, tools and engines, and any that were refused.") { json };
        command.SetAction((parse, _) =>
        {
            var catalog = host.Services.GetRequiredService<PluginCatalog>();
            var problems = host.Services.GetRequiredService<RegistrationProblems>().All;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    folders = catalog.SearchedFolders,
                    loaded = catalog.Loaded,
                    failed = catalog.Failed,
                    problems,
                }, DubAgentJson.Options));
                return Task.FromResult(0);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.MarkupLine($"[grey]Plugin folders: {Markup.Escape(string.Join(", ", catalog.SearchedFolders))}[/]");
            if (catalog.Loaded.Count == 0) console.MarkupLine("No plugins are loaded.");
            else
            {
                var table = new Table().AddColumns("plugin", "version", "tools", "engines", "from");
                foreach (var p in catalog.Loaded)
                    table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Version), Markup.Escape(string.Join(", ", p.Tools)),
                        Markup.Escape(string.Join(", ", p.Engines)), Markup.Escape(p.AssemblyPath));
                console.Write(table);
            }
            foreach (var failed in catalog.Failed)
                console.MarkupLine($"[yellow]refused[/] {Markup.Escape(failed.AssemblyPath)}: {Markup.Escape(failed.Reason)}");
            foreach (var problem in problems) console.MarkupLine($"[yellow]refused[/] {Markup.Escape(problem)}");
            return Task.FromResult(0);
        });
        return command;
    }
}
