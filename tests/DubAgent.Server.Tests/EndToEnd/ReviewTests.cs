using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// run_pipeline with `review: true` against `dotnet dubagent.dll serve` (real apertium translation, real subtitles):
/// a client with elicitation is asked to accept or edit the lines that overflow their slot and the run goes on with the
/// edits; a client without it gets the job paused with the lines, edits translation.json and resumes. Either way the
/// translation is reused from the cache and only the steps after it run again.
/// </summary>
public sealed class ReviewTests : IDisposable
{
    internal const string Recipe = """
        name: review-test
        description: Translates a transcript and writes its subtitles.
        inputs:
          transcript: { type: file, required: true, description: A transcript.json. }
        steps:
          - id: translate
            tool: translate
            engine: apertium
            with:
              transcript: ${{ inputs.transcript }}
              target_language: es
          - id: subtitles
            tool: write_subtitles
            with:
              input: ${{ steps.translate.translation_path }}
              text: target
        outputs:
          subtitles: ${{ steps.subtitles.files }}
        """;

    // The first line is far too long for its 0.6 s slot; the second fits.
    internal const string Transcript = """
        {"num_speakers": 1, "total_duration": 3.0, "language": "en", "segments": [
          {"id": "seg_0001", "speaker": "SPEAKER_00", "start": 0.0, "end": 0.6, "text": "The committee will reconsider the extraordinary international proposal tomorrow afternoon."},
          {"id": "seg_0002", "speaker": "SPEAKER_00", "start": 1.0, "end": 3.0, "text": "Thank you very much for coming today."}
        ]}
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("stdio", "2025-11-25")]
    [InlineData("stdio", "2026-07-28")]
    [InlineData("http", "2025-11-25")]
    [InlineData("http", "2026-07-28")]
    public async Task A_client_with_elicitation_edits_the_overflowing_line_and_the_dub_goes_on_with_it(string transport, string revision)
    {
        var asked = new List<ElicitRequestParams>();
        await using var serve = transport == "http" ? await ServeProcess.StartHttpAsync(ServeArguments()) : null;
        await using var client = await StartAsync(revision, serve, (request, _) =>
        {
            lock (asked) asked.Add(request!);
            var edit = JsonSerializer.SerializeToElement("Mañana lo vemos.");
            return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["seg_0001"] = edit } });
        });

        var run = await client.CallToolAsync("run_pipeline", Arguments(review: true));

        Assert.True(run.IsError != true, run.Text());
        var form = Assert.Single(asked);
        Assert.Equal("form", form.Mode);
        var field = Assert.IsType<ElicitRequestParams.StringSchema>(Assert.Single(form.RequestedSchema!.Properties).Value);
        Assert.Contains("committee", field.Description);
        var result = run.ToolResult();
        // The translation the review paused after is reused; only what reads it runs again.
        Assert.Equal(["cached", "ran"], Statuses(result));
        Assert.Equal("Mañana lo vemos.", TargetText(Translation(run), "seg_0001"));
        // The edited line is measured again as the translator measures it.
        var edited = JsonNode.Parse(File.ReadAllText(Translation(run)))!["segments"]!.AsArray().Single(s => (string?)s!["id"] == "seg_0001")!;
        Assert.Equal(Engines.Translation.Timing.SegmentFit.Measure(0, 0.6, "Mañana lo vemos.", "es").FitRatio, (double)edited["fit_ratio"]!);
        Assert.Contains("Mañana lo vemos.", await SubtitlesAsync(run));
    }

    [Fact]
    public async Task A_client_that_dismisses_the_form_gets_the_job_paused()
    {
        await using var client = await StartAsync("2025-11-25", null, (_, _) => ValueTask.FromResult(new ElicitResult { Action = "cancel" }));

        var run = await client.CallToolAsync("run_pipeline", Arguments(review: true));

        Assert.True(run.IsError != true, run.Text());
        Assert.Equal("paused", run.StructuredContent!.Value.GetProperty("status").GetString());
        Assert.Equal(["cached", "not_run"], Statuses(run.StructuredContent!.Value.GetProperty("result")));
    }

    [Fact]
    public async Task A_client_without_elicitation_gets_the_lines_edits_translation_json_and_resumes()
    {
        await using var client = await StartAsync("2025-11-25", null, null);

        var run = await client.CallToolAsync("run_pipeline", Arguments(review: true));

        Assert.True(run.IsError != true, run.Text());
        var structured = run.StructuredContent!.Value;
        Assert.Equal("paused", structured.GetProperty("status").GetString());
        var review = structured.GetProperty("result").GetProperty("review");
        var line = Assert.Single(review.GetProperty("lines").EnumerateArray());
        Assert.Equal("seg_0001", line.GetProperty("id").GetString());
        Assert.True(line.GetProperty("fit_ratio").GetDouble() > 1.1);
        Assert.Contains("resume", run.Text());
        var job = structured.GetProperty("job").GetString()!;
        var status = await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Equal("paused", status.StructuredContent!.Value.GetProperty("status").GetString());

        var path = review.GetProperty("translation").GetString()!;
        var edited = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        edited["segments"]!.AsArray().Single(s => (string?)s!["id"] == "seg_0001")!["target_text"] = "Lo vemos mañana.";
        await File.WriteAllTextAsync(path, edited.ToJsonString());
        var resumed = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["resume"] = job });

        Assert.True(resumed.IsError != true, resumed.Text());
        Assert.Equal(["cached", "ran"], Statuses(resumed.ToolResult()));
        Assert.Contains("Lo vemos mañana.", await SubtitlesAsync(resumed));
        var done = await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Equal("succeeded", done.StructuredContent!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_resume_still_forces_the_steps_the_paused_run_was_told_to_force()
    {
        await using var client = await StartAsync("2025-11-25", null, null);
        var first = await client.CallToolAsync("run_pipeline", Arguments(review: false));
        Assert.True(first.IsError != true, first.Text());
        var job = first.StructuredContent!.Value.GetProperty("job").GetString()!;

        // Same inputs, so both steps are cached; `force: subtitles` is owed when the run pauses before it.
        var paused = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?>(Arguments(review: true))
        {
            ["job"] = job, ["force"] = new[] { "subtitles" },
        });
        Assert.Equal("paused", paused.StructuredContent!.Value.GetProperty("status").GetString());
        Assert.Equal(["cached", "not_run"], Statuses(paused.StructuredContent!.Value.GetProperty("result")));

        var resumed = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["resume"] = job });
        Assert.True(resumed.IsError != true, resumed.Text());
        Assert.Equal(["cached", "ran"], Statuses(resumed.ToolResult()));

        // Paid: a later resume owes nothing more.
        var again = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["resume"] = job });
        Assert.Equal(["cached", "cached"], Statuses(again.ToolResult()));
    }

    [Fact]
    public async Task Review_of_a_recipe_without_translation_and_resume_of_an_unknown_job_are_refused()
    {
        await using var client = await StartAsync("2025-11-25", null, null);
        var video = TestMedia.Video(_temp.Sub("media"));

        var noTranslate = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?>
        {
            ["recipe"] = "transcribe", ["review"] = true, ["inputs"] = new Dictionary<string, object?> { ["video"] = video },
        });
        Assert.True(noTranslate.IsError);
        Assert.Contains("no translate step", noTranslate.Text());

        var unknown = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?> { ["resume"] = "20200101-000000000-dead" });
        Assert.True(unknown.IsError);
        Assert.Contains("Unknown job", unknown.Text());

        var neither = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?>());
        Assert.True(neither.IsError);
        Assert.Contains("'recipe' is missing", neither.Text());
    }

    private Dictionary<string, object?> Arguments(bool review)
    {
        var media = _temp.Sub("media");
        var recipe = Path.Combine(media, "review.yaml");
        var transcript = Path.Combine(media, "transcript.json");
        File.WriteAllText(recipe, Recipe);
        File.WriteAllText(transcript, Transcript);
        return new Dictionary<string, object?>
        {
            ["recipe"] = recipe, ["review"] = review, ["inputs"] = new Dictionary<string, object?> { ["transcript"] = transcript },
        };
    }

    private string[] ServeArguments() => ["--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"), "--wait", "600"];

    private Task<McpClient> StartAsync(string revision, ServeProcess? http, Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicit) =>
        // 2025-11-25: elicitation/create within the session; 2026-07-28: the SDK's multi-round-trip input requests.
        CliClient.ConnectAsync(http, ServeArguments(), revision, options =>
        {
            if (elicit is not null) options.Handlers.ElicitationHandler = elicit;
        });

    private static List<string?> Statuses(JsonElement result) =>
        result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();

    private static string? TargetText(string translation, string id) =>
        (string?)JsonNode.Parse(File.ReadAllText(translation))!["segments"]!.AsArray().Single(s => (string?)s!["id"] == id)!["target_text"];

    private string Translation(CallToolResult run) =>
        Path.Combine(_temp.Path, "jobs", run.StructuredContent!.Value.GetProperty("job").GetString()!, "translate", "translation.json");

    private async Task<string> SubtitlesAsync(CallToolResult run)
    {
        var folder = Path.Combine(_temp.Path, "jobs", run.StructuredContent!.Value.GetProperty("job").GetString()!, "subtitles");
        var texts = await Task.WhenAll(Directory.EnumerateFiles(folder, "*.srt", SearchOption.AllDirectories).Select(f => File.ReadAllTextAsync(f)));
        return string.Join("\n", texts);
    }
}
