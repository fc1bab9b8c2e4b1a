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
using Microsoft.Extensions.Logging;

namespace DubAgent.Cluster.Coordinator;

/// <summary>
/// `dubagent run RECIPE --cluster`: the same checks as a local run (the recipe validates, inputs bind and read through,
/// the job folder is claimed and locked), then each step goes to its capability queue when its inputs exist, and the
/// run follows the workers' events on a queue of its own. Same signature and result as <see cref="PipelineRunner"/>.
/// </summary>
public sealed class ClusterCoordinator(IConfiguration configuration, ToolInvoker invoker, RecipeValidator validator, RunPreflight preflight,
    ILogger<ClusterCoordinator> logger, ILoggerFactory logging) : IRemotePipelineRunner
{
    /// <summary>Cluster:Broker is set: run_pipeline over MCP sends its runs here (`dubagent run` only with --cluster).</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(ClusterOptions.From(configuration).Broker);

    public async Task<PipelineRunResult> RunAsync(Recipe recipe, PipelineRunRequest request, IPipelineObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= new NullObserver();
        var options = ClusterOptions.From(configuration);
        var broker = BrokerAddress.From(options);
        if (request.StopAfter is not null)
            throw new InputException("A cluster run cannot pause for review: the pause is the local runner's.",
                "Run the review locally (without Cluster:Broker or --cluster), then resume it on the cluster.");
        var yaml = await File.ReadAllTextAsync(recipe.File, cancellationToken).ConfigureAwait(false);
        // A mistake in the recipe or its inputs is reported before the broker is reached: it is the user's to fix whatever the broker's state.
        JobRun.Check(recipe, request, validator);

        ClusterRun? run = null;
        var bus = await ClusterBus.StartAsync(broker, cfg => cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
        {
            e.Handler<StepStarted>(c => Do(() => run?.OnStarted(c.Message)));
            e.Handler<StepProgressed>(c => Do(() => run?.OnProgress(c.Message)));
            e.Handler<StepCompleted>(c => run?.OnCompletedAsync(c.Message) ?? Task.CompletedTask);
            e.Handler<Fault<StepExecution>>(c => Do(() => run?.OnFault(c.Message)));
        }), cancellationToken, logging).ConfigureAwait(false);
        try
        {
            using var job = await JobRun.OpenAsync(recipe, request, validator, preflight, $"recipe {recipe.Name} (cluster)", logger, cancellationToken)
                .ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            run = new ClusterRun(Guid.NewGuid(), recipe, yaml, request, job.Workspace, job.Scope, StepDependencies.WithDependents(recipe, request.Force ?? []),
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
                job.Failed(e);
                throw;
            }
            var outputs = job.Completed(recipe);
            return new PipelineRunResult(recipe.Name, job.Workspace.Directory, run.Outcomes, outputs, clock.Elapsed);
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
