using System.Text.Json;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// Work longer than a client waits: the call answers "working" with its job and a link to follow, heartbeats keep the
/// client informed while it waits, get_job holds until the job ends, and a refused call leaves no job folder.
/// </summary>
public sealed class LongWorkTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Jobs => Path.Combine(_temp.Path, "jobs");

    [Fact]
    public async Task A_call_longer_than_the_wait_answers_working_and_get_job_follows_it_to_the_result()
    {
        var server = TestServices.Server(_temp, configure: o => o.ForegroundWait = TimeSpan.FromSeconds(1));
        await using var connection = await PipeConnection.OpenAsync(server);

        // 12 steps of 400 ms: longer than the 1 s the server waits, even on a fast machine.
        var working = await connection.Client.CallToolAsync("count_test", new Dictionary<string, object?> { ["steps"] = 12, ["delay_ms"] = 400 });
        Assert.NotEqual(true, working.IsError);
        var structured = working.StructuredContent!.Value;
        Assert.Equal("working", structured.GetProperty("status").GetString());
        var job = structured.GetProperty("job").GetString()!;
        Assert.Equal($"dubagent://jobs/{job}", structured.GetProperty("follow").GetString());
        Assert.Contains(working.Content.OfType<ResourceLinkBlock>(), l => l.Uri == $"dubagent://jobs/{job}");
        Assert.Contains("get_job", working.Text());

        JsonElement state;
        var rounds = 0;
        do
        {
            var answer = await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job, ["wait"] = 30 });
            state = answer.StructuredContent!.Value;
            rounds++;
        }
        while (state.GetProperty("status").GetString() is "running" or "queued" && rounds < 20);
        Assert.Equal("succeeded", state.GetProperty("status").GetString());
        var file = Assert.Single(state.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("deliverable").GetBoolean());
        Assert.EndsWith("/count_test/count.txt", file.GetProperty("uri").GetString());

        var resource = await connection.Client.ReadResourceAsync($"dubagent://jobs/{job}");
        var json = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text).RootElement;
        Assert.Equal("succeeded", json.GetProperty("status").GetString());
        Assert.Contains(await connection.Client.ListResourceTemplatesAsync(), t => t.UriTemplate == "dubagent://jobs/{job}");
    }

    [Fact]
    public async Task While_a_tool_is_silent_heartbeats_name_the_stage_and_keep_increasing()
    {
        var server = TestServices.Server(_temp, configure: o => o.ProgressHeartbeat = TimeSpan.FromMilliseconds(200));
        await using var connection = await PipeConnection.OpenAsync(server);
        var updates = new List<ProgressNotificationValue>();
        // One step of 3 s: the tool itself says nothing until it is done.
        var result = await connection.Client.CallToolAsync("count_test", new Dictionary<string, object?> { ["steps"] = 1, ["delay_ms"] = 3000 },
            new SynchronousProgress(updates));
        Assert.NotEqual(true, result.IsError);
        await Eventually.WaitAsync(() => { lock (updates) return updates.Count >= 3; });
        lock (updates)
        {
            var beats = updates.Where(u => u.Message?.EndsWith(" s)", StringComparison.Ordinal) == true).ToList();
            Assert.True(beats.Count >= 3, $"{beats.Count} heartbeats in a 3 s silence: {string.Join(" | ", updates.Select(u => u.Message))}");
            // The client SDK may hand notifications to the handler out of order, so order them by value: every value
            // is new, and a larger value never carries an earlier time (the server raised it with each notification).
            var ordered = updates.OrderBy(u => u.Progress).ToList();
            Assert.True(ordered.Zip(ordered.Skip(1)).All(p => p.First.Progress < p.Second.Progress), "progress must increase with every notification");
            var seconds = ordered.Where(u => u.Message?.EndsWith(" s)", StringComparison.Ordinal) == true)
                .Select(u => int.Parse(u.Message![(u.Message.LastIndexOf('(') + 1)..^3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(seconds.Zip(seconds.Skip(1)).All(p => p.First <= p.Second), $"heartbeat times out of step with their values: {string.Join(", ", seconds)}");
        }
    }

    [Theory]
    [InlineData("count_test", """{"output": "../escape.txt"}""", "outside the call's own step folder")]
    [InlineData("count_test", """{"output": "/tmp/escape.txt"}""", "outside the call's own step folder")]
    [InlineData("count_test", """{"steps": "many"}""", "must be a whole number")]
    [InlineData("probe_test_media", """{"input": "/etc/hostname"}""", "outside the folders")]
    [InlineData("run_pipeline", """{"recipe": "no-such-recipe"}""", "no shipped recipe")]
    [InlineData("run_pipeline", """{"recipe": "transcribe", "inputs": {}}""", "video")]
    [InlineData("run_pipeline", """{"recipe": "transcribe", "inputs": {"video": "/etc/hostname"}}""", "outside the folders")]
    public async Task A_refused_call_leaves_no_job_folder(string tool, string arguments, string expected)
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var result = await connection.Client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);
        Assert.True(result.IsError);
        Assert.Contains(expected, result.Text());
        Assert.DoesNotContain("job: ", result.Text());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Jobs));
    }
}
