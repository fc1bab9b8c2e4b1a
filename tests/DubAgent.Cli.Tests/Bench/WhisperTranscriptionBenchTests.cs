using System.Security.Cryptography;
using System.Text.Json;
using DubAgent.Cli.Bench;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Bench;

/// <summary>The whisper bench rows: one row saying why when no model is stored, measured rows per stored model otherwise.</summary>
public sealed class WhisperTranscriptionBenchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Shared => SharedData.Find() ?? throw new DirectoryNotFoundException("../shared/data was not found beside the clone.");

    private BenchContext Context(CliHost host) => new()
    {
        DemoVideo = _temp["demo.mp4"],
        TruthDirectory = Directory.CreateDirectory(_temp["truth"]).FullName, // no demo here: jfk only
        SharedDataDirectory = Shared,
        Services = host.Services,
        WorkDirectory = Directory.CreateDirectory(_temp["work"]).FullName,
    };

    [Fact]
    public async Task Without_a_model_one_row_says_it_was_not_run_and_what_to_pull()
    {
        await using var host = new CliHost(["--config", $"Models:Directory={_temp["models"]}"]);

        var row = Assert.Single(await new WhisperTranscriptionBench().RunAsync(Context(host)));

        Assert.Equal("whisper", row.Engine);
        Assert.Null(row.RealTimeFactor);
        Assert.Equal("not run: no model (`dubagent models pull whisper-base`, 148 MB)", row.Note);
    }

    [Fact]
    public async Task A_stored_model_gets_measured_rows_with_wer_and_rtf()
    {
        // The weightless test model stands in for whisper-base: it recognises nothing, so the WER is 100 %.
        var model = Path.GetFullPath(Path.Combine(Shared, "..", "models", "for-tests-ggml-tiny.bin"));
        var catalog = _temp["catalog.json"];
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(new[]
        {
            new
            {
                id = "whisper-base", engine = "whisper", file_name = "ggml-base.bin", url = "http://127.0.0.1:9/ggml-base.bin",
                sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(model))), size = new FileInfo(model).Length,
                licence = "MIT", purpose = "test model",
            },
        }));
        string[] settings = ["--config", $"Models:Directory={_temp["models"]}", "--config", $"Models:Catalog={catalog}"];
        Assert.Equal(0, (await CliRun.InProcessAsync(["models", "add", model, "--id", "whisper-base", .. settings])).ExitCode);
        await using var host = new CliHost(settings);

        var row = Assert.Single(await new WhisperTranscriptionBench().RunAsync(Context(host)));

        Assert.Equal("whisper (base)", row.Engine);
        Assert.NotNull(row.RealTimeFactor);
        Assert.Equal(1.0, row.Figures!["wer"]);
        Assert.Equal(11.0, row.Figures["media_seconds"], 1);
    }
}
