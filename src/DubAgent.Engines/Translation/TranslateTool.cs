using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Translation.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Translation;

/// <summary>The `translate` tool: transcript.json in, translation.json out, N segments in and the same N out.</summary>
public sealed class TranslateTool : Tool<TranslateArguments, TranslateResult>, IPreflightTool
{
    private const int PreviewLines = 4;

    public override string Name => "translate";

    public override string Description =>
        "Translates a transcript.json into another language for dubbing and writes translation.json: the same segments "
        + "(same ids, times and speakers, never merged or dropped) with target_text, the slot's timing budget (seconds and "
        + "syllables), the estimated spoken duration, a fit ratio (above 1.1 = too long) and a tone tag. Engine 'llm' keeps "
        + "tone and rewords long lines to fit; 'apertium' is offline and literal. Flagged lines need a look. Next: synthesize.";

    public override string? Capability => Capabilities.Translate;

    public override async Task<TranslateResult> InvokeAsync(TranslateArguments arguments, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(arguments.Transcript))
            throw new InputException("No transcript was given.", "Pass the path of a transcript.json (from transcribe or diarize) as 'transcript'.");
        var transcriptPath = InputFiles.RequireFile(context.Paths.CheckRead(arguments.Transcript, "transcript"), "transcript");
        var transcript = TranscriptJson.WithIds(TranscriptFile.Read(transcriptPath));
        var target = TargetLanguage(arguments.TargetLanguage, transcript.Language);

        var (engine, version) = await ChooseEngineAsync(arguments, context).ConfigureAwait(false);
        // A language nothing here reaches is refused (exit code 2) before any work, with what would reach it.
        if (!WantsClientModel(arguments.Model))
            await context.Services.GetRequiredService<LanguageReach>()
                .RequireTranslationAsync(transcript.Language, target, engine.Name, context.CancellationToken).ConfigureAwait(false);
        var options = new Dictionary<string, string>
        {
            // Speaker profiles are cached for the whole job (a re-run or a second language reuses them).
            ["cache_directory"] = Path.Combine(context.JobDirectory, "cache", "translate"),
        };
        if (!string.IsNullOrWhiteSpace(arguments.Model)) options["model"] = arguments.Model.Trim();
        if (arguments.MaxRounds is { } rounds)
        {
            if (rounds is < 0 or > 10) throw new InputException($"max_rounds must be between 0 and 10 (got {rounds}).");
            options["max_rounds"] = rounds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var terms = GlossaryFile.Merge(
            arguments.GlossaryFile is { Length: > 0 } file ? InputFiles.RequireFile(context.Paths.CheckRead(file, "glossary_file"), "glossary_file") : null,
            arguments.Glossary, arguments.DoNotTranslate);
        var request = new TranslationRequest(transcript, target, terms.Glossary, terms.DoNotTranslate, arguments.StyleNotes, options);
        var translation = await engine.TranslateAsync(request, context.ForEngine()).ConfigureAwait(false);
        TranslationGuard.Check(transcript, translation, engine.Name);
        translation = NumberLocalizer.Localize(translation);
        // What the translator was held to, for a reviewer: the profiles the engine kept (llm) and the run's terms.
        translation = translation with
        {
            Glossary = terms.Glossary.Count == 0 ? null : terms.Glossary,
            DoNotTranslate = terms.DoNotTranslate.Count == 0 ? null : terms.DoNotTranslate,
        };

        var outputPath = context.Paths.CheckWrite(Path.Combine(context.WorkDirectory, OutputName(arguments.Output)), "output");
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        AtomicFile.WriteAllText(outputPath, JsonSerializer.Serialize(translation, DubAgentJson.Options));

        var segments = translation.Segments;
        var within = segments.Count(s => s.FitRatio <= Timing.SegmentFit.Tolerance);
        var fallbacks = segments.Count(s => s.Engine is not null && s.Engine != translation.Engine);
        context.Report.Engine = engine.Name;
        context.Report.EngineVersion = version;
        context.Report.MediaSeconds = transcript.TotalDuration > 0 ? transcript.TotalDuration : segments.LastOrDefault()?.End;
        if (fallbacks > 0) context.Report.Notes.Add($"{fallbacks} segments fell back to another engine (flagged)");
        context.Report.Notes.Add($"{within}/{segments.Count} segments within their time budget");

        return new TranslateResult
        {
            TranslationPath = outputPath,
            Engine = translation.Engine,
            SourceLanguage = translation.SourceLanguage,
            TargetLanguage = translation.TargetLanguage,
            Segments = segments.Count,
            WithinBudget = within,
            WithinBudgetShare = segments.Count == 0 ? 1 : Math.Round((double)within / segments.Count, 3),
            MeanFitRatio = segments.Count == 0 ? 0 : Math.Round(segments.Average(s => s.FitRatio), 3),
            Flagged = segments.Count(s => s.Flag is not null),
            FallbackSegments = fallbacks,
            RoundsUsed = segments.Sum(s => s.Rounds),
            Preview = segments.Take(PreviewLines).Select(s => $"{s.Id} {s.Speaker ?? "-"}: {s.Text} => {s.TargetText}").ToList(),
        };
    }

    /// <summary>
    /// Before a run: target_language must be a language code that an engine here (the named one, if named) translates
    /// into. The source is the transcript's, unknown until transcribe has run, so a target any source reaches passes.
    /// </summary>
    public async Task PreflightAsync(JsonObject arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var engine = PreflightArguments.Text(arguments, "engine");
        if (WantsClientModel(PreflightArguments.Text(arguments, "model")))
        {
            // The caller's own model takes any language; whether the caller offers one is known only at the call.
            CheckClientEngine(engine);
            return;
        }
        var reach = services.GetRequiredService<LanguageReach>();
        if (PreflightArguments.Text(arguments, "target_language") is { } value)
            await reach.RequireTranslationAsync(null, TargetLanguage(value, null), engine, cancellationToken).ConfigureAwait(false);
        else if (engine is not null)
            await reach.TranslatableAsync(null, engine, cancellationToken).ConfigureAwait(false); // an unknown or missing engine fails now
    }

    private static bool WantsClientModel(string? model) => string.Equals(model?.Trim(), LlmTranslator.ClientModel, StringComparison.OrdinalIgnoreCase);

    private static void CheckClientEngine(string? engine)
    {
        if (engine is not null && !string.Equals(engine, LlmTranslator.EngineName, StringComparison.OrdinalIgnoreCase))
            throw new InputException($"model 'client' works with engine 'llm' only (got engine '{engine}').", "Drop 'model' or use engine 'llm'.");
    }

    private static async Task<(ITranslator Engine, string? Version)> ChooseEngineAsync(TranslateArguments arguments, ToolContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        if (WantsClientModel(arguments.Model))
        {
            // The caller's model needs no configured endpoint, so the engine's own availability check does not apply.
            CheckClientEngine(arguments.Engine);
            if (context.CallerChat is null)
                throw new InputException("model 'client' needs the calling MCP client's own model (sampling), and this caller offers none.",
                    "Call from an MCP client that supports sampling, or leave 'model' empty to use the configured endpoint (DUBAGENT_LLM_MODEL).");
            var llm = registry.Find(Capabilities.Translate, LlmTranslator.EngineName) as ITranslator
                ?? throw new InputException("The 'llm' translate engine is not registered.");
            return (llm, "mcp-sampling");
        }
        var (engine, status) = await registry.ResolveAsync<ITranslator>(Capabilities.Translate, arguments.Engine, context.CancellationToken).ConfigureAwait(false);
        return (engine, status.Version);
    }

    /// <summary>A plain file name inside the step's folder: the tool never writes over a file elsewhere.</summary>
    private static string OutputName(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return "translation.json";
        var name = output.Trim();
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\') || name is "." or "..")
            throw new InputException($"output '{output}' is not a plain file name.", "Give a file name such as translation.es.json; it is written in the step's folder.");
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name : name + ".json";
    }

    private static string TargetLanguage(string? value, string? source)
    {
        var target = value?.Trim() ?? "";
        if (target.Length is < 2 or > 12 || !target.All(c => char.IsAsciiLetter(c) || c is '-' or '_'))
            throw new InputException($"target_language '{value}' is not a language code.", "Use an ISO 639-1 code such as 'es', 'fr' or 'de'.");
        if (string.Equals(target, source, StringComparison.OrdinalIgnoreCase))
            throw new InputException($"The transcript is already in '{source}'.", "Pick a different target_language.");
        return target.ToLowerInvariant();
    }
}
