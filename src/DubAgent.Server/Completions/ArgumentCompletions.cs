using DubAgent.Abstractions.Engines;
using DubAgent.Core.Media;
using DubAgent.Core.Pipelines;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Completions;

/// <summary>
/// completion/complete: what a client can offer while a person fills in a prompt or a resource address. Recipe names,
/// translate engines, language codes and content types for dub_video; job ids for review_translation and the job
/// addresses; a job's steps and a step's files for dubagent://jobs/{job}/{step}/{file}. Values start with what was typed.
/// </summary>
public sealed class ArgumentCompletions(IEngineRegistry engines, JobStore jobs, ArtifactCatalog artifacts, RecipeCatalog recipes)
{
    private const int MaxValues = 100;
    private static readonly string[] ContentTypes = ["auto", "dialogue", "cinematic"];

    public ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params;
        var typed = parameters?.Argument.Value ?? "";
        var candidates = parameters?.Ref switch
        {
            PromptReference prompt => ForPrompt(prompt.Name, parameters.Argument.Name),
            ResourceTemplateReference template => ForAddress(template.Uri, parameters.Argument.Name, parameters.Context?.Arguments),
            _ => [],
        };
        var matching = candidates.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
        return ValueTask.FromResult(new CompleteResult
        {
            Completion = new Completion { Values = matching.Take(MaxValues).ToList(), Total = matching.Count, HasMore = matching.Count > MaxValues },
        });
    }

    private IEnumerable<string> ForPrompt(string prompt, string argument) => (prompt, argument) switch
    {
        ("dub_video", "target_language") => LanguageCodes.Known.Order(StringComparer.Ordinal),
        ("dub_video", "content_type") => ContentTypes,
        ("dub_video", "recipe") => recipes.Names,
        ("dub_video", "translator") => engines.ForCapability(Capabilities.Translate).Select(e => e.Name),
        ("review_translation", "translation") => jobs.RecentIds(MaxValues),
        _ => [],
    };

    private IEnumerable<string> ForAddress(string? template, string argument, IDictionary<string, string>? known)
    {
        if (template is not (ArtifactUri.Template or JobStatusResource.Template)) return [];
        if (argument == "job") return jobs.RecentIds(MaxValues);
        if (known?.TryGetValue("job", out var id) != true || id is null || !jobs.TryOpen(id, out var job) || job is null) return [];
        var files = artifacts.OfJob(job).Where(f => !Deliverables.IsRecord(f)).ToList();
        return argument switch
        {
            "step" => files.Select(f => f.Step),
            "file" when known.TryGetValue("step", out var step) =>
                files.Where(f => f.Step == step).Select(f => f.RelativePath[(f.Step.Length + 1)..]),
            _ => [],
        };
    }
}
