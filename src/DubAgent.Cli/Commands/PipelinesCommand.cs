using System.CommandLine;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent pipelines list | show NAME | validate [FILE...]`.</summary>
public static class PipelinesCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("pipelines", "List, show and validate pipeline recipes.");

        var list = new Command("list", "List the shipped recipes.");
        list.SetAction(parse =>
        {
            var catalog = host.Services.GetRequiredService<RecipeCatalog>();
            var console = TerminalOutput.For(parse.InvocationConfiguration.Output);
            var table = new Table().AddColumns("name", "description", "inputs");
            foreach (var file in catalog.Files)
            {
                var (recipe, _) = RecipeLoader.LoadFile(file);
                table.AddRow(new Text(Path.GetFileNameWithoutExtension(file)), new Text(recipe?.Description ?? "(does not load)"),
                    new Text(recipe is null ? "" : string.Join(", ", recipe.Inputs.Select(i => i.Required ? i.Name + "*" : i.Name))));
            }
            console.Write(table);
            console.WriteLine(catalog.Directory is null ? "No shipped recipes were found." : $"From {catalog.Directory} (* = required input).");
            return 0;
        });

        var nameArgument = new Argument<string>("name") { Description = "A shipped recipe's name, or a recipe file." };
        var show = new Command("show", "Print a recipe: its inputs and its YAML.") { nameArgument };
        show.SetAction(async (parse, cancellationToken) =>
        {
            var path = Resolve(host, parse.GetValue(nameArgument)!);
            var stdout = parse.InvocationConfiguration.Output;
            var (recipe, _) = RecipeLoader.LoadFile(path);
            if (recipe is not null)
            {
                await stdout.WriteLineAsync($"# {recipe.Name}: {recipe.Description}").ConfigureAwait(false);
                foreach (var i in recipe.Inputs)
                    await stdout.WriteLineAsync($"#   input {i.Name}: {i.Type}{(i.Required ? ", required" : "")}"
                        + $"{(i.Default is { } d ? $", default {d.Text}" : "")}{(i.Enum is { } e ? $", one of {string.Join("|", e)}" : "")}")
                        .ConfigureAwait(false);
            }
            await stdout.WriteLineAsync($"# {path}").ConfigureAwait(false);
            await stdout.WriteAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return 0;
        });

        var files = new Argument<string[]>("file") { Description = "Recipe files or names; none validates every shipped recipe.", Arity = ArgumentArity.ZeroOrMore };
        var validate = new Command("validate", "Check recipes without running them; every problem with its file, line and column.") { files };
        validate.SetAction(async parse =>
        {
            var catalog = host.Services.GetRequiredService<RecipeCatalog>();
            var validator = host.Services.GetRequiredService<RecipeValidator>();
            var given = parse.GetValue(files) ?? [];
            var paths = given.Length > 0 ? given.Select(f => Resolve(host, f)).ToList() : catalog.Files;
            if (paths.Count == 0) throw new InputException("There are no recipes to validate.", "Give a recipe file, or run from a DubAgent folder with pipelines/.");
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var bad = 0;
            foreach (var path in paths)
            {
                var (_, problems) = validator.ValidateFile(path);
                if (problems.Count == 0)
                {
                    await stdout.WriteLineAsync($"ok    {path}").ConfigureAwait(false);
                    continue;
                }
                bad++;
                foreach (var problem in problems)
                {
                    await stderr.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                    if (problem.Hint is { } hint) await stderr.WriteLineAsync($"  hint: {hint}").ConfigureAwait(false);
                }
            }
            await stdout.WriteLineAsync($"{paths.Count - bad} of {paths.Count} recipes are valid.").ConfigureAwait(false);
            return bad == 0 ? 0 : 2;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(validate);
        return command;
    }

    private static string Resolve(CliHost host, string name)
    {
        var catalog = host.Services.GetRequiredService<RecipeCatalog>();
        return catalog.Resolve(name) ?? throw new InputException($"There is no recipe file or shipped recipe named '{name}'.",
            catalog.Directory is null ? "Give the path of a recipe file." : $"Shipped recipes: {string.Join(", ", catalog.Names)}.");
    }
}
