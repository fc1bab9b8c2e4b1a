using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Pipelines;
using DubAgent.Cluster.Coordinator;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent run RECIPE --input FILE [--set name=value ...] [--out DIR] [--force STEP ...] [--json] [--cluster]`.</summary>
public static class RunCommand
{
    public static Command Create(CliHost host)
    {
        var recipeArgument = new Argument<string>("recipe") { Description = "A recipe file, or the name of a shipped recipe (`dubagent pipelines list`)." };
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "The input file (fills the recipe's first required file input), or name=path. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var set = new Option<string[]>("--set") { Description = "An input value: name=value. Repeatable." };
        var output = new Option<string?>("--out", "-o") { Description = "The job folder (one subfolder per step). Default: jobs/<recipe>-<input name>." };
        var force = new Option<string[]>("--force") { Description = "Re-run this step and the steps that read it, even when unchanged. Repeatable." };
        var json = new Option<bool>("--json") { Description = "Print the run (steps and outputs) as JSON on stdout instead of the table." };
        var cluster = new Option<bool>("--cluster") { Description = "Run the steps on `dubagent worker` processes through the RabbitMQ broker of Cluster:Broker (docs/cluster.md)." };
        var roots = new Option<string[]>("--root") { Description = "A folder the recipe's steps may also read (besides its file inputs, its own folder and the job folder). Repeatable." };
        var command = new Command("run", "Run a pipeline recipe: validate it, run its steps in a job folder, reuse unchanged steps, print a summary.")
        {
            recipeArgument, input, set, output, force, json, roots, cluster,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = host.Services;
            var catalog = services.GetRequiredService<RecipeCatalog>();
            var name = parse.GetValue(recipeArgument)!;
            var path = catalog.Resolve(name) ?? throw new InputException($"There is no recipe file or shipped recipe named '{name}'.",
                catalog.Directory is null ? "Give the path of a recipe file." : $"Shipped recipes: {string.Join(", ", catalog.Names)}.");
            var (recipe, problems) = RecipeLoader.LoadFile(path);
            if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);

            var inputs = RecipeArguments.Inputs(recipe, parse.GetValue(input) ?? [], parse.GetValue(set) ?? []);
            var job = parse.GetValue(output) ?? DefaultJobFolder(recipe, inputs);
            var request = new PipelineRunRequest(inputs, job, parse.GetValue(force) ?? [])
            {
                Paths = RecipeReads.For(recipe, inputs, job, catalog.Directory, parse.GetValue(roots) ?? []),
            };
            var stderr = TerminalOutput.For(parse.InvocationConfiguration.Error);
            using var interrupt = new InterruptSignal(cancellationToken);
            var result = await StepProgressView.RunAsync(stderr, observer => parse.GetValue(cluster)
                    ? services.GetRequiredService<ClusterCoordinator>().RunAsync(recipe, request, observer, interrupt.Token)
                    : services.GetRequiredService<PipelineRunner>().RunAsync(recipe, request, observer, interrupt.Token))
                .ConfigureAwait(false);

            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(result, DubAgentJson.Options)).ConfigureAwait(false);
            else
                RunSummaryTable.Write(TerminalOutput.For(stdout), result);
            return 0;
        });
        return command;
    }

    /// <summary>The same recipe on the same input reuses one folder, so a re-run finds its cache and resumes.</summary>
    private static string DefaultJobFolder(Recipe recipe, IReadOnlyDictionary<string, string> inputs)
    {
        var file = recipe.Inputs.Where(i => i.Type == "file").Select(i => inputs.GetValueOrDefault(i.Name)).FirstOrDefault(v => v is not null);
        var suffix = file is null ? "job" : Path.GetFileNameWithoutExtension(file);
        return Path.Combine("jobs", $"{recipe.Name}-{suffix}");
    }
}
