using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Expressions;
using DubAgent.Core.Media;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// What is checked after a recipe validates and before its first step: media inputs read through (not truncated or
/// damaged), and every step whose tool can tell in advance (<see cref="IPreflightTool"/>: an unreachable language) asked
/// with the arguments known from the inputs. A run that cannot finish does not start.
/// </summary>
public sealed class RunPreflight(IServiceProvider services, ToolInvoker invoker, MediaIntegrityCheck integrity)
{
    public async Task CheckAsync(Recipe recipe, IReadOnlyDictionary<string, ExpressionValue> inputs, JobWorkspace workspace,
        CancellationToken cancellationToken)
    {
        var readThrough = ReadThroughMemo.Load(workspace.Directory);
        foreach (var input in recipe.Inputs.Where(i => i.Type == "file"))
        {
            if (!inputs.TryGetValue(input.Name, out var value) || value.Kind != ExpressionValueKind.String
                || value.AsString is not { Length: > 0 } path || !File.Exists(path) || !IsBinary(path))
                continue;
            // A file read through before (same content hash, memoized by size and time) is not read again.
            var hash = await workspace.Hasher.HashAsync(path, cancellationToken).ConfigureAwait(false);
            if (readThrough.Contains(hash)) continue;
            await integrity.CheckAsync(path, input.Name, cancellationToken).ConfigureAwait(false);
            readThrough.Add(hash);
        }

        var scope = new RunScope(inputs);
        foreach (var step in recipe.Steps)
        {
            if (invoker.Require(step.Tool) is not IPreflightTool tool) continue;
            if (step.When is { } when && ReadsNoStep([when]) && !Evaluation.IsTrue(recipe, when, scope)) continue;
            var known = KnownArguments(step, invoker.SchemaOf(invoker.Require(step.Tool)), scope);
            try
            {
                await tool.PreflightAsync(known, services, cancellationToken).ConfigureAwait(false);
            }
            catch (DubAgentException e) when (e is not PipelineException)
            {
                throw new PipelineException($"Step '{step.Id}' ({step.Tool}) cannot run: {e.Message}", recipe.File, step.At.Line, step.At.Column, e.Hint, e);
            }
        }
    }

    /// <summary>The step's arguments that do not wait for an earlier step: literals and values from the inputs.</summary>
    private static JsonObject KnownArguments(RecipeStep step, JsonElement schema, RunScope scope)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var known = new JsonObject();
        foreach (var entry in step.With.Entries)
        {
            if (!ReadsNoStep(entry.Value.Expressions)) continue;
            var property = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(entry.Key, out var s) ? s : default;
            try
            {
                known[entry.Key] = StepArguments.Value(entry.Value, property, scope);
            }
            catch (ExpressionException)
            {
                // The step itself reports it, at its line, when it runs.
            }
        }
        if (step.Engine is { Routes: [{ When: null, Use.Template.HasExpressions: false } only], Fallback.Count: 0 })
            known["engine"] = only.Use.Text;
        return known;
    }

    private static bool ReadsNoStep(IEnumerable<TemplatePart> parts) => !StepDependencies.StepsRead(parts).Any();

    /// <summary>Media files have NUL bytes in their first block; subtitle and text inputs never do.</summary>
    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].Contains((byte)0);
    }
}
