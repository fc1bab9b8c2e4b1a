using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Messages;
using DubAgent.Core.Expressions;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cluster.Coordinator;

/// <summary>
/// `dubagent run RECIPE --cluster`: the same checks as a local run (the recipe validates, inputs bind and read through,
/// the job folder is claimed and locked), then each step goes to its capability queue when its inputs exist, and the
/// run follows the workers' events on a queue of its own. Same signature and result as <see cref="PipelineRunner"/>.
/// </summary>
public sealed class ClusterCoordinator(IConfiguration configuration, ToolInvoker invoker, RecipeValidator validator, RunPreflight preflight)
{
    public async Task<PipelineRunResult> RunAsync(Recipe recipe, PipelineRunRequest request, IPipelineObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= new NullObserver();
        var options = ClusterOptions.From(configuration);
        var broker = BrokerAddress.From(options);
        var problems = validator.Validate(recipe, request.Inputs).ToList();
        var inputs = RunInputs.Bind(recipe, request.Inputs, []);
        foreach (var id in request.Force ?? [])
            if (recipe.FindStep(id) is null)
                throw new InputException($"--force names '{id}', which is not a step of '{recipe.Name}'.",
                    $"Steps: {string.Join(", ", recipe.Steps.Select(s => s.Id))}.");
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        var yaml = await File.ReadAllTextAsync(recipe.File, cancellationToken).ConfigureAwait(false);

        ClusterRun? run = null;
        var bus = await ClusterBus.StartAsync(broker, cfg => cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
        {
            e.Handler<StepStarted>(c => Do(() => run?.OnStarted(c.Message)));
            e.Handler<StepProgressed>(c => Do(() => run?.OnProgress(c.Message)));
            e.Handler<StepCompleted>(c => run?.OnCompletedAsync(c.Message) ?? Task.CompletedTask);
            e.Handler<Fault<StepExecution>>(c => Do(() => run?.OnFault(c.Message)));
        }), cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = new JobWorkspace(request.JobDirectory);
            using var folderLock = JobFolderLock.Acquire(workspace.Directory, $"recipe {recipe.Name} (cluster)");
            foreach (var step in recipe.Steps) workspace.TidyStep(step.Id);
            await preflight.CheckAsync(recipe, inputs, workspace, cancellationToken).ConfigureAwait(false);

            var scope = new RunScope(inputs);
            var clock = Stopwatch.StartNew();
            var job = new JobRecord
            {
                Recipe = recipe.Name,
                RecipeFile = Path.GetFullPath(recipe.File),
                Inputs = request.Inputs,
                Started = DateTimeOffset.UtcNow,
                Steps = recipe.Steps.Select(s => s.Id).ToList(),
            };
            workspace.WriteJob(job);
            run = new ClusterRun(Guid.NewGuid(), recipe, yaml, request, workspace, scope, StepDependencies.WithDependents(recipe, request.Force ?? []),
                invoker, observer, options.Retries);
            try
            {
                await run.StartAsync(async message =>
                {
                    var endpoint = await bus.GetSendEndpoint(StepQueues.Address(message.Queue)).ConfigureAwait(false);
                    await endpoint.Send(message, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
                await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                workspace.Hasher.Save();
                workspace.WriteJob(job with
                {
                    Status = e is OperationCanceledException ? "cancelled" : "failed",
                    Error = e.Message,
                    Ended = DateTimeOffset.UtcNow,
                });
                throw;
            }

            var outputs = new JsonObject();
            foreach (var output in recipe.Outputs)
            {
                var part = output.Value.Expressions.FirstOrDefault() ?? new TemplatePart("", null, output.Name, output.At.Line, output.At.Column);
                outputs[output.Name] = Evaluation.Guard(recipe, part, () => StepArguments.Value(output.Value, default, scope));
            }
            workspace.Hasher.Save();
            workspace.WriteJob(job with
            {
                Status = "completed", Ended = DateTimeOffset.UtcNow, Outputs = JsonSerializer.SerializeToElement(outputs, DubAgentJson.Options),
            });
            return new PipelineRunResult(recipe.Name, workspace.Directory, run.Outcomes, outputs, clock.Elapsed);
        }
        finally
        {
            await ClusterBus.StopQuietlyAsync(bus).ConfigureAwait(false);
        }
    }

    private static Task Do(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private sealed class NullObserver : IPipelineObserver;
}
