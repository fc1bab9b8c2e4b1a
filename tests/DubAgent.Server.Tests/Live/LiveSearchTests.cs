using DubAgent.Abstractions.Errors;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Live;

/// <summary>Live:Search: the recogniser's accurate search runs a whole session; a value it does not know stops the host with the fix.</summary>
public sealed class LiveSearchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_accurate_search_recognises_and_dubs_a_session()
    {
        await using var host = await LiveHost.StartAsync(_temp, settings: new Dictionary<string, string?> { ["Live:Search"] = "accurate" });
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "accurate", null, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None);
        var started = await client.WaitForAsync(m => m.Type == "session", Patience, CancellationToken.None);
        Assert.Equal("pocketsphinx (accurate search)", started.Json.GetProperty("engines").GetProperty("asr").GetString());
        await client.StreamAsync(LiveHost.Jfk(), 1000, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);
        var heard = string.Join(' ', client.Messages.Where(m => m.Type == "transcript" && m.Json.GetProperty("final").GetBoolean())
            .Select(m => m.Json.GetProperty("text").GetString()));
        string[] expected = ["country", "american", "fellow", "ask", "can do", "for you"];
        Assert.True(expected.Count(w => heard.Contains(w, StringComparison.OrdinalIgnoreCase)) >= 3, heard);
        Assert.Contains(client.Messages, m => m.Type == "dubbed_audio");
    }

    [Fact]
    public async Task An_unknown_search_is_refused_with_the_choices()
    {
        var error = await Assert.ThrowsAnyAsync<InputException>(() => LiveHost.StartAsync(_temp, settings: new Dictionary<string, string?> { ["Live:Search"] = "slow" }));
        Assert.Contains("fast or accurate", error.Message);
    }
}
