using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;
using Microsoft.Extensions.AI;
using static DubAgent.Engines.Tests.Translating.PlannerScript;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

public sealed class LlmPlannerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-planner-").FullName;
    private readonly List<TimeSpan> _delays = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PlannerOptions Options(int maxRounds = 2) => new()
    {
        MaxWindowSegments = 4,
        MaxRounds = maxRounds,
        Delay = (wait, _) => { _delays.Add(wait); return Task.CompletedTask; },
    };

    private Task<PlannerResult> RunAsync(ScriptedChatClient chat, ITranslator? fallback = null, string? cache = null, int maxRounds = 2) =>
        new LlmPlanner(chat, Options(maxRounds)).TranslateAsync(
            new TranslationRequest(DialogueFixture.Transcript(), "es"),
            new EngineContext { WorkDirectory = _folder }, "llm", fallback, cache);

    /// <summary>Profiles and windows answered correctly with fitting lines.</summary>
    private static string Good(ScriptedRequest request, int n) =>
        request.Kind == "profile" ? Profile : Answer(AskedIds(request), Fitting);

    [Fact]
    public async Task Every_window_keeps_ids_speakers_and_order_with_the_previous_window_as_context()
    {
        var chat = new ScriptedChatClient(Good);
        var result = await RunAsync(chat);

        var source = DialogueFixture.Transcript().Segments;
        var segments = result.Translation.Segments;
        Assert.Equal(source.Select(s => (s.Id, s.Speaker, s.Start, s.End)), segments.Select(s => (s.Id, s.Speaker, s.Start, s.End)));
        Assert.All(segments, s => { Assert.Equal("llm", s.Engine); Assert.Null(s.Flag); Assert.Equal(0, s.Rounds); Assert.Equal("calm", s.Tone); });
        Assert.Equal("línea 01", segments[0].TargetText);

        // Two scenes (a 3 s pause), windows of at most 4 cut at speaker turns: 4 + 3 | 4 + 1.
        Assert.Equal(4, result.Windows);
        Assert.Equal(4, chat.Count("window"));
        Assert.Equal(2, chat.Count("profile"));
        var windows = chat.Requests.Where(r => r.Kind == "window").ToList();
        Assert.Equal(["seg_0005", "seg_0006", "seg_0007"], AskedIds(windows[1]));
        Assert.Contains("línea 04", windows[1].FirstUser); // the previous window, as context
        Assert.DoesNotContain("Previous lines", windows[2].FirstUser); // a new scene starts without it
        Assert.Contains("register casual", windows[0].FirstUser); // the speaker profiles
    }

    [Fact]
    public async Task Speaker_profiles_are_asked_once_per_speaker_and_cached()
    {
        var cache = Path.Combine(_folder, "cache", "speaker_profiles.json");
        var first = new ScriptedChatClient(Good);
        await RunAsync(first, cache: cache);
        var second = new ScriptedChatClient(Good);
        var result = await RunAsync(second, cache: cache);

        Assert.Equal(2, first.Count("profile"));
        Assert.True(File.Exists(cache));
        Assert.Equal(0, second.Count("profile"));
        Assert.Equal(2, result.Profiles.Count);
    }

    [Fact]
    public async Task Json_in_fences_with_trailing_commas_is_repaired_without_asking_again()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile
            : "Here you go:\n```json\n" + Answer(AskedIds(r), Fitting).Replace("}]}", "},]}") + "\n```\nEnjoy!");
        var result = await RunAsync(chat);

        Assert.Equal(result.Windows, chat.Count("window"));
        Assert.All(result.Translation.Segments, s => Assert.Equal("llm", s.Engine));
    }

    [Fact]
    public async Task Malformed_json_is_asked_again_with_the_problem_named()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile
            : n == 1 ? "{\"segments\": [{\"id\": \"seg_0001\", \"text\": \"Buenos" // cut off
            : Answer(AskedIds(r), Fitting));
        var result = await RunAsync(chat);

        var retry = chat.Requests.Where(r => r.Kind == "window").ElementAt(1);
        Assert.Equal(ChatRole.Assistant, retry.Messages[^2].Role); // the bad answer is shown back
        Assert.Contains("could not be read", retry.LastUser);
        Assert.Equal(result.Windows + 1, chat.Count("window"));
        Assert.All(result.Translation.Segments, s => Assert.Null(s.Flag));
    }

    [Fact]
    public async Task A_missing_segment_repeats_the_whole_window()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile
            : n == 1 ? Answer(AskedIds(r).Skip(1), Fitting)
            : Answer(AskedIds(r), Fitting));
        var result = await RunAsync(chat);

        var repeat = chat.Requests.Where(r => r.Kind == "window").ElementAt(1);
        Assert.Equal(2, repeat.Messages.Count); // a fresh conversation: system + the window again
        Assert.Contains("it had 3 items for 4 segments", repeat.FirstUser);
        Assert.Equal(AskedIds(chat.Requests.First(r => r.Kind == "window")), AskedIds(repeat));
        Assert.Equal(12, result.Translation.Segments.Count);
        Assert.All(result.Translation.Segments, s => Assert.Equal("llm", s.Engine));
    }

    [Fact]
    public async Task A_changed_speaker_is_rejected_and_never_reaches_the_output()
    {
        static string Swap(string id) => SpeakerOf(id) == "SPEAKER_00" ? "SPEAKER_01" : "SPEAKER_00";
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile
            : n == 1 ? Answer(AskedIds(r), Fitting, speaker: Swap)
            : Answer(AskedIds(r), Fitting));
        var result = await RunAsync(chat);

        var retry = chat.Requests.Where(r => r.Kind == "window").ElementAt(1);
        Assert.Contains("seg_0001 is spoken by SPEAKER_00", retry.LastUser);
        Assert.Equal(DialogueFixture.Transcript().Segments.Select(s => s.Speaker), result.Translation.Segments.Select(s => s.Speaker));
    }

    [Fact]
    public async Task An_over_budget_line_is_reworded_in_one_round()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind switch
        {
            "profile" => Profile,
            "window" => Answer(AskedIds(r), id => id == "seg_0002" ? Syllables(45) : Fitting(id)),
            _ => Answer(AskedIds(r), _ => Syllables(10), tone: "firm"),
        });
        var result = await RunAsync(chat);

        var line = result.Translation.Segments[1];
        Assert.Equal(1, line.Rounds);
        Assert.Equal(Syllables(10), line.TargetText);
        Assert.True(line.FitRatio <= 1.1, $"fit {line.FitRatio}");
        Assert.Null(line.Flag);
        Assert.Equal(["seg_0002"], AskedIds(chat.Requests.Single(r => r.Kind == "shorten")));
        Assert.All(result.Translation.Segments.Where(s => s.Id != "seg_0002"), s => Assert.Equal(0, s.Rounds));
    }

    [Fact]
    public async Task A_line_still_too_long_after_one_rewording_gets_a_second_round()
    {
        // seg_0002's slot holds about 27 Spanish syllables: 45 -> 32 (still over) -> 12.
        var chat = new ScriptedChatClient((r, n) => r.Kind switch
        {
            "profile" => Profile,
            "window" => Answer(AskedIds(r), id => id == "seg_0002" ? Syllables(45) : Fitting(id)),
            _ => Answer(AskedIds(r), _ => Syllables(n == 1 ? 32 : 12)),
        });
        var result = await RunAsync(chat);

        var line = result.Translation.Segments[1];
        Assert.Equal(2, line.Rounds);
        Assert.Equal(Syllables(12), line.TargetText);
        Assert.Null(line.Flag);
        Assert.Equal(2, chat.Count("shorten"));
    }

    [Fact]
    public async Task A_line_over_budget_after_all_rounds_keeps_its_shortest_wording_and_is_flagged()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind switch
        {
            "profile" => Profile,
            "window" => Answer(AskedIds(r), id => id == "seg_0002" ? Syllables(45) : Fitting(id)),
            _ => Answer(AskedIds(r), _ => Syllables(n == 1 ? 40 : 44)), // the second is longer: not taken
        });
        var result = await RunAsync(chat);

        var line = result.Translation.Segments[1];
        Assert.Equal(2, line.Rounds);
        Assert.Equal(Syllables(40), line.TargetText);
        Assert.StartsWith("over budget", line.Flag);
    }

    [Fact]
    public async Task A_window_that_fails_for_good_falls_back_to_apertium_and_is_flagged()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile
            : AskedIds(r).Contains("seg_0005") ? "I cannot help with that."
            : Answer(AskedIds(r), Fitting));
        var apertium = new ApertiumTranslator(new ProcessRunner());
        var result = await RunAsync(chat, fallback: apertium);

        Assert.Equal(1, result.FailedWindows);
        var segments = result.Translation.Segments;
        Assert.Equal(12, segments.Count);
        foreach (var s in segments)
        {
            if (s.Id is "seg_0005" or "seg_0006" or "seg_0007")
            {
                Assert.Equal("apertium", s.Engine);
                Assert.StartsWith("fallback: the llm could not translate window 2", s.Flag);
                Assert.DoesNotContain("línea", s.TargetText);
            }
            else
            {
                Assert.Equal("llm", s.Engine);
                Assert.Null(s.Flag);
            }
        }
        Assert.Contains("paraguas", segments[6].TargetText); // apertium: "umbrellas"
        Assert.Equal(1 + 2 + 1 + 1, chat.Count("window")); // the failing window used its 2 attempts
        Assert.All(segments.Skip(4).Take(3), s => Assert.StartsWith("fallback: the llm could not translate window 2", s.Notes![0]));
    }

    [Fact]
    public async Task Without_a_fallback_a_failed_window_is_a_clear_error()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile : "not json");
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => RunAsync(chat));
        Assert.Contains("window 1 (seg_0001, seg_0002, seg_0003, seg_0004)", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task A_rate_limit_waits_as_told_and_retries()
    {
        var chat = new ScriptedChatClient((r, n) => r.Kind == "window" && n == 1
            ? throw new ChatRateLimitedException("429", TimeSpan.FromSeconds(3))
            : Good(r, n));
        var result = await RunAsync(chat);

        Assert.Equal([TimeSpan.FromSeconds(3)], _delays);
        Assert.All(result.Translation.Segments, s => Assert.Null(s.Flag));
        Assert.Equal(result.Windows + 1, chat.Count("window"));
    }

    [Fact]
    public async Task An_endpoint_that_goes_down_is_tried_twice_then_every_window_falls_back_with_the_reason_in_its_notes()
    {
        var down = new EngineFailedException("llm", "cannot reach http://127.0.0.1:9/v1: Connection refused", "Start the server.");
        var chat = new ScriptedChatClient((r, n) => r.Kind == "profile" ? Profile : throw down);
        var result = await RunAsync(chat, fallback: new ApertiumTranslator(new ProcessRunner()));

        Assert.Equal(2, chat.Count("window")); // the first window's two attempts; later windows do not knock again
        Assert.Equal(result.Windows, result.FailedWindows);
        Assert.All(result.Translation.Segments, s =>
        {
            Assert.Equal("apertium", s.Engine);
            Assert.Contains("cannot reach http://127.0.0.1:9/v1", s.Notes![0]);
            Assert.False(string.IsNullOrWhiteSpace(s.TargetText));
        });
        Assert.Equal(12, result.Translation.Segments.Count);
    }
}
