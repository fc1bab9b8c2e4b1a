using DubAgent.Core.Processes;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// A temporary Piper:ModelDirectory of generated voices (graph + .onnx.json), services that use it with an empty model
/// store, and espeak-ng's own IPA to compare phonemes with.
/// </summary>
internal sealed class PiperVoiceFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dubagent-piper-{Guid.NewGuid():N}");

    public SynthesisTestKit Kit() => new(new Dictionary<string, string?>
    {
        ["Piper:ModelDirectory"] = Path,
        ["Piper:Program"] = "/nonexistent/piper",
        ["Models:Directory"] = System.IO.Path.Combine(Path, "store"),
        ["Models:AutoDownload"] = "false",
    });

    /// <summary>Writes voice NAME: a generated graph of <paramref name="kind"/> and <paramref name="config"/> as its .onnx.json.</summary>
    public async Task AddAsync(string name, string kind, string config)
    {
        await TestPiperGraphs.WriteAsync(Path, kind, name);
        await File.WriteAllTextAsync(System.IO.Path.Combine(Path, $"{name}.onnx.json"), config);
    }

    public static async Task<string> EspeakIpa(string text, string voice)
    {
        var result = await new ProcessRunner().RunAsync(new ProcessRequest("espeak-ng", ["-q", "--ipa", "-v", voice, text]), CancellationToken.None);
        Assert.True(result.Succeeded, result.StderrTail);
        return string.Join(' ', result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
