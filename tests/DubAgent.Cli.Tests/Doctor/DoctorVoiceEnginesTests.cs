using System.Text.Json;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Doctor;

/// <summary>`dubagent doctor` lists the voice engines (piper, elevenlabs) with their state and, when missing, the fix.</summary>
public sealed class DoctorVoiceEnginesTests
{
    private static async Task<Dictionary<string, JsonElement>> EnginesAsync(params string[] config)
    {
        var run = await CliRun.InProcessAsync(["doctor", "--json", .. config]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("xi-secret-key", run.Stdout);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("engines").EnumerateArray()
            .Where(e => e.GetProperty("capability").GetString() == "synthesize")
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.Clone());
    }

    [Fact]
    public async Task Elevenlabs_without_a_key_is_unavailable_with_how_to_get_one_and_ready_with_one()
    {
        if (Environment.GetEnvironmentVariable("ELEVENLABS_API_KEY") is { Length: > 0 }) return; // a real key on this machine makes it available
        var without = await EnginesAsync();
        var elevenlabs = without["elevenlabs"];
        Assert.False(elevenlabs.GetProperty("available").GetBoolean());
        Assert.Contains("https://elevenlabs.io/app/settings/api-keys", elevenlabs.GetProperty("install").GetString());
        Assert.Contains("DUBAGENT_ELEVENLABS__APIKEY", elevenlabs.GetProperty("install").GetString());
        var piper = without["piper"];
        if (!piper.GetProperty("available").GetBoolean()) Assert.Contains("dubagent models pull", piper.GetProperty("install").GetString());

        var with = await EnginesAsync("--config", "ElevenLabs:ApiKey=xi-secret-key");
        Assert.True(with["elevenlabs"].GetProperty("available").GetBoolean());
    }
}
