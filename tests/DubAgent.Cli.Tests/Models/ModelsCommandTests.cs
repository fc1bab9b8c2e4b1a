using System.Security.Cryptography;
using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Tests.Models;

namespace DubAgent.Cli.Tests.Models;

/// <summary>`dubagent models` in-process, with the models folder and an extra catalog in a temporary folder.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(200_000);

    public void Dispose() => _temp.Dispose();

    private string[] Settings(string? url = null)
    {
        var catalog = _temp["catalog.json"];
        File.WriteAllText(catalog, JsonSerializer.Serialize(new[]
        {
            new
            {
                id = "test-model", engine = "whisper", file_name = "test-model.bin", url = url ?? "http://127.0.0.1:9/test-model.bin",
                sha256 = Convert.ToHexStringLower(SHA256.HashData(_content)), size = _content.Length, licence = "MIT", purpose = "a test file",
            },
        }));
        return ["--config", $"Models:Directory={_temp["models"]}", "--config", $"Models:Catalog={catalog}"];
    }

    private static Dictionary<string, JsonElement> ById(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);

    [Fact]
    public async Task List_json_gives_each_model_with_its_checksum_size_licence_and_presence()
    {
        var run = await CliRun.InProcessAsync(["models", "list", "--json", .. Settings()]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var models = ById(run.Stdout);
        foreach (var model in models.Values)
        {
            foreach (var field in new[] { "id", "engine", "file_name", "url", "pinned_by", "licence", "purpose" })
                Assert.False(string.IsNullOrEmpty(model.GetProperty(field).GetString()), field);
            // Pinned by SHA-256, or by the publisher's MD5 and size (Piper's voices.json gives only those).
            if (model.GetProperty("pinned_by").GetString() == "sha256") Assert.Matches("^[0-9a-f]{64}$", model.GetProperty("sha256").GetString());
            else Assert.Matches("^[0-9a-f]{32}$", model.GetProperty("md5").GetString());
            Assert.True(model.GetProperty("size").GetInt64() > 0);
            Assert.False(model.GetProperty("present").GetBoolean());
        }
        Assert.Equal(147_951_465, models["whisper-base"].GetProperty("size").GetInt64());
        Assert.Equal("1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3", models["silero-vad"].GetProperty("sha256").GetString());
        Assert.Contains("test-model", models.Keys);
        Assert.Equal("md5+size", models["piper-es_ES-davefx-medium"].GetProperty("pinned_by").GetString());
    }

    [Fact]
    public async Task Pull_downloads_with_progress_on_stderr_and_list_then_shows_it_present()
    {
        using var server = new ModelFileServer(_content);

        var pull = await CliRun.InProcessAsync(["models", "pull", "test-model", .. Settings(server.Url)]);

        Assert.True(pull.ExitCode == 0, pull.Stderr);
        var path = pull.Stdout.Trim();
        Assert.Equal(_content, await File.ReadAllBytesAsync(path));
        Assert.Contains("downloading test-model", pull.Stderr);
        var list = await CliRun.InProcessAsync(["models", "list", "--json", .. Settings(server.Url)]);
        var model = ById(list.Stdout)["test-model"];
        Assert.True(model.GetProperty("present").GetBoolean());
        Assert.Equal(path, model.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Add_verify_and_remove()
    {
        var good = _temp["mine.bin"];
        await File.WriteAllBytesAsync(good, _content);
        var damaged = _temp["damaged.bin"];
        await File.WriteAllBytesAsync(damaged, _content[..5000]);

        var refused = await CliRun.InProcessAsync(["models", "add", damaged, "--id", "test-model", .. Settings()]);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("error: ", refused.Stderr.Split('\n').First(l => l.StartsWith("error", StringComparison.Ordinal)));
        Assert.Contains("is not test-model", refused.Stderr);
        Assert.Contains("hint: ", refused.Stderr);

        var added = await CliRun.InProcessAsync(["models", "add", good, .. Settings()]);
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.StartsWith("test-model: ", added.Stdout);

        var verified = await CliRun.InProcessAsync(["models", "verify", "--json", .. Settings()]);
        Assert.Equal(0, verified.ExitCode);
        Assert.True(Assert.Single(JsonDocument.Parse(verified.Stdout).RootElement.EnumerateArray()).GetProperty("ok").GetBoolean());

        var stored = added.Stdout["test-model: ".Length..].Trim();
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[10] ^= 0x55;
        await File.WriteAllBytesAsync(stored, bytes);
        var broken = await CliRun.InProcessAsync(["models", "verify", .. Settings()]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("DAMAGED", broken.Stdout);
        Assert.Contains("dubagent models remove", broken.Stderr);

        var removed = await CliRun.InProcessAsync(["models", "remove", "test-model", .. Settings()]);
        Assert.Equal(0, removed.ExitCode);
        Assert.False(File.Exists(stored));
    }

    [Fact]
    public async Task A_pull_that_cannot_reach_the_server_exits_3_with_the_url_and_the_add_command()
    {
        var run = await CliRun.InProcessAsync(["models", "pull", "test-model", .. Settings()]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error: ", run.Stderr);
        Assert.Contains("127.0.0.1:9", run.Stderr);
        Assert.Contains("dubagent models add FILE", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
    }
}
