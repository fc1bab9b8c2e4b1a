using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Cli.Doctor;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Configuration;
using DubAgent.Core.Plugins;
using DubAgent.Core.Processes;
using DubAgent.Core.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent doctor [--json]`: every program and engine, found or missing, and the effective configuration.</summary>
public static class DoctorCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on stdout." };
        var command = new Command("doctor", "Check the external programs and engines DubAgent uses, and show the effective configuration.")
        {
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Doctor lists configuration problems instead of stopping on them as other commands do.
            var services = host.ServicesForDiagnosis;
            var report = await DoctorReport.CollectAsync(services.GetRequiredService<ProgramCatalog>(),
                services.GetRequiredService<IProcessRunner>(), services.GetRequiredService<IEngineRegistry>(),
                services.GetRequiredService<IConfiguration>(), cancellationToken).ConfigureAwait(false);
            var plugins = services.GetRequiredService<PluginCatalog>();
            report = report with
            {
                Plugins = plugins.Loaded.Select(p => $"{p.Name} {p.Version} ({p.AssemblyPath})").ToList(),
                PluginProblems = plugins.Failed.Select(f => $"{f.AssemblyPath}: {f.Reason}")
                    .Concat(services.GetRequiredService<RegistrationProblems>().All).Distinct().ToList(),
                ConfigurationProblems = host.ConfigurationProblems,
                Settings = SettingsView.Effective(services.GetRequiredService<IConfiguration>(), services.GetServices<OptionsSection>()),
            };
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(report, DubAgentJson.Options)).ConfigureAwait(false);
            else
                Print(report, TerminalOutput.For(stdout));
            foreach (var missing in report.MissingRequired)
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"error: {missing.Name} is missing; DubAgent cannot work without it.\nhint: {missing.Install}").ConfigureAwait(false);
            foreach (var problem in report.ConfigurationProblems)
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {problem.Message}\nhint: {problem.Hint}").ConfigureAwait(false);
            return !report.Ok ? 1 : report.ConfigurationProblems.Count > 0 ? 2 : 0;
        });
        return command;
    }

    private static void Print(DoctorReport report, IAnsiConsole console)
    {
        var programs = new Table().Title("External programs").AddColumns("program", "status", "version", "used for", "install");
        foreach (var p in report.Programs)
            programs.AddRow(Cell(p.Name), Status(p.Found, p.Required), Cell(p.Version ?? ""), Cell(p.Purpose), Cell(p.Found ? "" : p.Install));
        console.Write(programs);

        var engines = new Table().Title("Engines").AddColumns("capability", "engine", "status", "version", "detail / install");
        foreach (var e in report.Engines.OrderBy(e => e.Capability, StringComparer.Ordinal))
            engines.AddRow(Cell(e.Capability), Cell(e.Name), Status(e.Available, false), Cell(e.Version ?? ""),
                Cell(e.Available ? e.Detail ?? "" : $"{e.Detail} -> {e.InstallHint()}"));
        if (report.Engines.Count == 0) engines.AddRow("", "(no engines registered)", "", "", "");
        console.Write(engines);

        var languages = new Table().Title("Languages reachable here").AddColumns("what", "languages");
        foreach (var (what, list) in report.Languages?.Rows() ?? []) languages.AddRow(Cell(what), Cell(list));
        console.Write(languages);

        var plugins = new Table().Title("Plugins").AddColumns("status", "plugin");
        foreach (var plugin in report.Plugins) plugins.AddRow(new Markup("[green]loaded[/]"), Cell(plugin));
        foreach (var problem in report.PluginProblems) plugins.AddRow(new Markup("[yellow]refused[/]"), Cell(problem));
        if (report.Plugins.Count + report.PluginProblems.Count == 0) plugins.AddRow("", "(no plugins found)");
        console.Write(plugins);

        // Expanded: with few short rows a narrow table would wrap its title.
        var config = new Table().Expand().Title("Effective configuration (secrets masked)").AddColumns("key", "value");
        foreach (var (key, value) in report.Configuration) config.AddRow(Cell(key), Cell(value));
        if (report.Configuration.Count == 0) config.AddRow("(none)", "dubagent.json, DUBAGENT_ variables or --config key=value");
        console.Write(config);

        var settings = new Table().Expand().Title("Settings in effect (every options section, defaults included; secrets masked)").AddColumns("key", "value");
        foreach (var (key, value) in report.Settings) settings.AddRow(Cell(key), Cell(value));
        console.Write(settings);

        if (report.ConfigurationProblems.Count > 0)
        {
            var problems = new Table().Expand().Title("Configuration problems (other commands refuse to start)").AddColumns("key", "problem", "fix");
            foreach (var p in report.ConfigurationProblems) problems.AddRow(Cell(p.Key), Cell(p.Message), Cell(p.Hint));
            console.Write(problems);
        }
        console.WriteLine(!report.Ok ? "Not ready: install the missing required programs above."
            : report.ConfigurationProblems.Count > 0 ? "Not ready: fix the configuration problems above."
            : "Ready: ffmpeg and ffprobe are installed.");
    }

    private static string InstallHint(this EngineReport e) => e.Install ?? "";

    private static Markup Status(bool found, bool required) =>
        found ? new Markup("[green]found[/]") : required ? new Markup("[red]MISSING (required)[/]") : new Markup("[yellow]missing[/]");

    private static Text Cell(string text) => new(text);
}
