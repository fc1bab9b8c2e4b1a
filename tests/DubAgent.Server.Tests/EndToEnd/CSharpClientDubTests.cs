using System.Diagnostics;
using System.Text.Json;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// The whole demo (`dubagent demo --no-dub`: a minute, two voices, music) dubbed through the C# SDK 2.4.0 client on
/// the 2026-07-28 revision over stdio, against `dubagent serve` with its default wait and the client's default request
/// timeout: the call answers `working` with its job, get_job follows it to the end, and every deliverable is read as a
/// resource. (The TypeScript SDK does the same on 2025-11-25 over stdio and 2026-07-28 over HTTP in NodeClientTests.)
/// </summary>
public sealed class CSharpClientDubTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_csharp_sdk_client_dubs_the_demo_with_default_timeouts_and_reads_its_outputs()
    {
        var video = MakeDemo(_temp.Sub("media"));
        await using var client = await CliClient.ConnectAsync(null, ["--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs")], "2026-07-28");

        var call = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?>
        {
            ["recipe"] = "dub", ["inputs"] = new Dictionary<string, object?> { ["video"] = video, ["budget"] = "low" },
        });

        Assert.True(call.IsError != true, call.Text());
        var envelope = call.StructuredContent!.Value;
        var job = envelope.GetProperty("job").GetString()!;
        JsonElement state = envelope;
        for (var rounds = 0; state.GetProperty("status").GetString() is "working" or "running" or "queued" && rounds < 40; rounds++)
            state = (await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job, ["wait"] = 30 })).StructuredContent!.Value;
        Assert.Equal("succeeded", state.GetProperty("status").GetString());

        var deliverables = state.GetProperty("artifacts").EnumerateArray().Where(a => a.GetProperty("deliverable").GetBoolean()).ToList();
        Assert.EndsWith(".mp4", deliverables[0].GetProperty("uri").GetString());
        Assert.Contains(deliverables, d => d.GetProperty("uri").GetString()!.EndsWith("/translate/translation.json", StringComparison.Ordinal));
        Assert.Contains(deliverables, d => d.GetProperty("uri").GetString()!.EndsWith("/mix/mix.wav", StringComparison.Ordinal));
        foreach (var file in deliverables)
        {
            var read = await client.ReadResourceAsync(file.GetProperty("uri").GetString()!);
            var length = Assert.Single(read.Contents) switch
            {
                BlobResourceContents blob => blob.DecodedData.Length,
                TextResourceContents text => System.Text.Encoding.UTF8.GetByteCount(text.Text),
                var other => throw new InvalidOperationException($"Unexpected contents {other.GetType().Name}"),
            };
            Assert.Equal(file.GetProperty("bytes").GetInt64(), length);
        }
    }

    /// <summary>The demo video, made by the CLI itself as `dubagent demo --no-dub` makes it for users.</summary>
    private static string MakeDemo(string folder)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { BuiltCli.Dll, "demo", "--no-dub", "--out", folder }) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dubagent demo --no-dub did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"dubagent demo --no-dub failed: {output.Result}{error.Result}");
        return Directory.EnumerateFiles(folder, "*.mp4", SearchOption.AllDirectories).Single();
    }
}
