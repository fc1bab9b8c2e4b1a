using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Translation;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;
using DubAgent.Engines.Translation.Timing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The translate rows on the demo transcript (en -> es, and apertium also to fr, pt, it, gl): apertium's share of lines within their time budget and its
/// speed; the LLM planner's mechanics with a scripted chat client (rounds used, share within budget before and after
/// planning); and, when DUBAGENT_LLM_* names an endpoint, the same figures for that real model.
/// </summary>
public sealed partial class TranslationBench : IBenchStage
{
    private const string Target = "es";

    /// <summary>The offline targets of issue 18: fr, pt, it through a Spanish pivot, gl by a direct pair.</summary>
    private static readonly string[] OfflineTargets = ["fr", "pt", "it", "gl"];

    public string Stage => "translate";

    public int Order => 50;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var transcriptPath = Path.Combine(context.TruthDirectory, "transcript.json");
        var transcript = TranscriptFile.Read(transcriptPath);
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var rows = new List<BenchRow>();

        var apertium = registry.Find(Capabilities.Translate, ApertiumTranslator.EngineName) as ApertiumTranslator;
        var apertiumStatus = apertium is null ? null : await registry.StatusAsync(apertium, context.CancellationToken).ConfigureAwait(false);
        if (apertium is null || apertiumStatus is not { Available: true })
            rows.Add(new BenchRow(Stage, "apertium", null, null, Note: $"not available here: {apertiumStatus?.Detail} ({apertiumStatus?.InstallHint})"));
        else
        {
            rows.Add(await ToolRowAsync(context, transcriptPath, transcript, "apertium", "apertium").ConfigureAwait(false));
            foreach (var target in OfflineTargets)
            {
                var route = await apertium.RouteAsync(transcript.Language, target, context.CancellationToken).ConfigureAwait(false);
                rows.Add(route is null
                    ? new BenchRow(Stage, $"apertium {transcript.Language}->{target}", null, null, Note: "not reachable here: see `dubagent doctor` (apertium: installable)")
                    : await ToolRowAsync(context, transcriptPath, transcript, "apertium", $"apertium {transcript.Language}->{target} ({route.Chain})", target)
                        .ConfigureAwait(false));
            }
            rows.Add(await ScriptedPlannerRowAsync(context, transcript, apertium).ConfigureAwait(false));
        }

        var settings = LlmSettings.From(context.Services.GetService<IConfiguration>());
        var llm = registry.Find(Capabilities.Translate, LlmTranslator.EngineName);
        var llmStatus = llm is null || !settings.IsConfigured ? null : await registry.StatusAsync(llm, context.CancellationToken).ConfigureAwait(false);
        rows.Add(llmStatus is { Available: true }
            ? await ToolRowAsync(context, transcriptPath, transcript, "llm", $"llm ({settings.Model})").ConfigureAwait(false)
            : llmStatus is not null
                ? new BenchRow(Stage, $"llm ({settings.Model})", null, null, Note: $"configured but not available: {llmStatus.Detail}")
                : new BenchRow(Stage, "llm (real model)", null, null,
                Note: "not configured: set DUBAGENT_LLM_BASE_URL, DUBAGENT_LLM_MODEL and DUBAGENT_LLM_API_KEY, then `dubagent bench --stage translate` (docs/translation.md)"));
        return rows;
    }

    /// <summary>The registered translate tool with one engine, timed, as a recipe would run it.</summary>
    private async Task<BenchRow> ToolRowAsync(BenchContext context, string transcriptPath, Transcript transcript, string engine, string label,
        string target = Target)
    {
        var tool = context.Services.GetServices<ITool>().OfType<TranslateTool>().First();
        var folder = Path.Combine(context.WorkDirectory, target == Target ? engine : $"{engine}-{target}");
        var toolContext = new ToolContext
        {
            WorkDirectory = folder,
            JobDirectory = context.WorkDirectory,
            Services = context.Services,
            CancellationToken = context.CancellationToken,
        };
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var result = await tool.InvokeAsync(new TranslateArguments { Transcript = transcriptPath, TargetLanguage = target, Engine = engine }, toolContext)
            .ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var media = MediaSeconds(transcript);
        var figures = new Dictionary<string, double>
        {
            ["segments"] = result.Segments,
            ["within_budget"] = result.WithinBudget,
            ["within_budget_share"] = result.WithinBudgetShare,
            ["mean_fit_ratio"] = result.MeanFitRatio,
            ["rounds_used"] = result.RoundsUsed,
            ["fallback_segments"] = result.FallbackSegments,
            ["processing_seconds"] = seconds,
            ["media_seconds"] = media,
        };
        return new BenchRow(Stage, label, seconds / media,
            $"{result.WithinBudget}/{result.Segments} within budget ({result.WithinBudgetShare:P0}), mean fit {result.MeanFitRatio:0.00}"
            + (result.RoundsUsed > 0 ? $", {result.RoundsUsed} rewording rounds" : "")
            + (result.FallbackSegments > 0 ? $", {result.FallbackSegments} fallback" : ""),
            figures, $"demo transcript {transcript.Language}->{target}, {seconds:0.00} s");
    }

    /// <summary>
    /// The planner's loop measured with a scripted client: its first drafts are apertium's lines, every third one
    /// padded to twice its length (a verbose draft), each measured through the kernel's measure_line function; a draft
    /// found too long is answered in its plain wording; asked to shorten afterwards, it cuts the line to the syllables
    /// allowed. This measures the planner (function calls, rounds, requests, convergence), not a model.
    /// </summary>
    private async Task<BenchRow> ScriptedPlannerRowAsync(BenchContext context, Transcript transcript, ApertiumTranslator apertium)
    {
        var route = await apertium.RouteAsync(transcript.Language, Target, context.CancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"apertium reaches no {transcript.Language} -> {Target} here.");
        var lines = (await apertium.TranslateTextsAsync(route, transcript.Language, transcript.Segments.Select(s => s.Text).ToList(),
            new TermProtector(null, null), context.CancellationToken).ConfigureAwait(false)).Select(l => l.Text).ToList();
        var drafts = transcript.Segments.Select((s, i) => (s.Id, Text: i % 3 == 0 ? $"{lines[i]} {lines[i]}" : lines[i]))
            .ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal);
        var plain = transcript.Segments.Select((s, i) => (s.Id, lines[i])).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
        var chat = new ScriptedPlannerClient(transcript, drafts, plain);

        var clock = Stopwatch.StartNew();
        var result = await new LlmPlanner(chat, new PlannerOptions()).TranslateAsync(new TranslationRequest(transcript, Target),
            new EngineContext { WorkDirectory = context.WorkDirectory, CancellationToken = context.CancellationToken }, "llm", apertium, null).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        var segments = result.Translation.Segments;
        var draftWithin = transcript.Segments.Count(s => SegmentFit.Measure(s, drafts[s.Id], Target).WithinBudget);
        var within = segments.Count(s => s.FitRatio <= SegmentFit.Tolerance);
        var figures = new Dictionary<string, double>
        {
            ["segments"] = segments.Count,
            ["within_budget_drafts_share"] = (double)draftWithin / segments.Count,
            ["within_budget_share"] = (double)within / segments.Count,
            ["rounds_used"] = segments.Sum(s => s.Rounds),
            ["max_rounds_one_line"] = segments.Max(s => s.Rounds),
            ["reworded_segments"] = segments.Count(s => s.Rounds > 0),
            ["windows"] = result.Windows,
            ["failed_windows"] = result.FailedWindows,
            ["chat_requests"] = result.Requests,
            ["function_calls"] = result.FunctionCalls.Values.Sum(),
            ["planner_seconds"] = seconds,
        };
        return new BenchRow(Stage, "llm planner (scripted client)", null,
            $"within budget {draftWithin}/{segments.Count} drafts -> {within}/{segments.Count} planned; {segments.Sum(s => s.Rounds)} rounds over "
            + $"{segments.Count(s => s.Rounds > 0)} lines (max {segments.Max(s => s.Rounds)}), {result.Requests} requests, "
            + $"{result.FunctionCalls.Values.Sum()} function calls ({string.Join(", ", result.FunctionCalls.Select(c => $"{c.Key} {c.Value}"))})",
            figures, "mechanics only: Semantic Kernel planner, apertium drafts (every 3rd padded) measured by the model's own measure_line calls; not a language model");
    }

    private static double MediaSeconds(Transcript transcript) =>
        transcript.TotalDuration > 0 ? transcript.TotalDuration : transcript.Segments.Max(s => s.End);

    /// <summary>The scripted chat client of the planner row (see <see cref="ScriptedPlannerRowAsync"/>).</summary>
    private sealed partial class ScriptedPlannerClient(Transcript transcript, Dictionary<string, string> drafts, Dictionary<string, string> plain) : IChatClient
    {
        private readonly Dictionary<string, int> _shortenRequests = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _speakers = transcript.Segments.ToDictionary(s => s.Id, s => s.Speaker, StringComparer.Ordinal);

        /// <summary>
        /// Profiles; a window's drafts first measured with the kernel's measure_line function (the model's own call),
        /// lines found too long replaced by their plain wording before answering; shorter wordings when asked.
        /// </summary>
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            var prompt = list.First(m => m.Role == ChatRole.User).Text;
            string answer;
            if (prompt.Contains("Describe how this speaker talks", StringComparison.Ordinal))
                answer = """{"register":"casual","address":"informal","emotion":"calm","manner":"plain"}""";
            else
            {
                var items = Items(prompt);
                var shorten = prompt.Contains("too long for their time slots", StringComparison.Ordinal);
                var measure = options?.Tools?.Select(t => t.Name).FirstOrDefault(n => n.EndsWith("measure_line", StringComparison.Ordinal));
                var results = list.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
                if (!shorten && measure is not null && results.Count == 0)
                    return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, items.Select(item =>
                    {
                        var id = item.GetProperty("id").GetString()!;
                        return (AIContent)new FunctionCallContent($"measure_{id}", measure, new Dictionary<string, object?> { ["id"] = id, ["text"] = drafts[id] });
                    }).ToList())));
                var tooLong = results.Where(r => JsonSerializer.Serialize(r.Result).Contains("too long", StringComparison.Ordinal))
                    .Select(r => r.CallId["measure_".Length..]).ToHashSet(StringComparer.Ordinal);
                answer = JsonSerializer.Serialize(new
                {
                    segments = items.Select(item =>
                    {
                        var id = item.GetProperty("id").GetString()!;
                        var text = shorten ? Shorter(id, (int)item.GetProperty("max_syllables").GetDouble()) : tooLong.Contains(id) ? plain[id] : drafts[id];
                        return new { id, speaker = _speakers[id], text, tone = "neutral" };
                    }),
                }, DubAgentJson.Compact);
            }
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        private string Shorter(string id, int maxSyllables)
        {
            var n = _shortenRequests[id] = _shortenRequests.GetValueOrDefault(id) + 1;
            if (n == 1 && drafts[id] != plain[id]) return plain[id];
            var words = new StringBuilder();
            foreach (var word in plain[id].Split(' '))
            {
                var next = words.Length == 0 ? word : $"{words} {word}";
                if (words.Length > 0 && SyllableCounter.Count(next, Target) > maxSyllables) break;
                words.Clear().Append(next);
            }
            return words.ToString();
        }

        /// <summary>The JSON object of segments the planner put in its prompt.</summary>
        private static List<JsonElement> Items(string prompt)
        {
            var start = SegmentsObject().Match(prompt).Index;
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(prompt[start..]));
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetProperty("segments").EnumerateArray().Select(e => e.Clone()).ToList();
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        [GeneratedRegex("""\{\s*"segments"\s*:""")]
        private static partial Regex SegmentsObject();
    }
}
