using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription.Whisper;

namespace DubAgent.Engines.Tests.Transcription.Whisper;

/// <summary>The layout check that keeps a damaged model from aborting the process inside whisper.cpp.</summary>
public sealed class GgmlModelFileTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    private static byte[] TestModel() =>
        File.ReadAllBytes(Path.GetFullPath(Path.Combine(SpeechFixtures.SharedData, "..", "models", "for-tests-ggml-tiny.bin")));

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_fixtures.Directory, Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The test model (header and vocabulary) followed by one F16 tensor of 4x8 elements, whole or cut.</summary>
    private static byte[] WithTensor(int keepDataBytes)
    {
        using var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write(TestModel());
        var name = "decoder.ln.weight"u8.ToArray();
        writer.Write(2); writer.Write(name.Length); writer.Write(1); // dims, name length, F16
        writer.Write(4); writer.Write(8);
        writer.Write(name);
        writer.Write(new byte[keepDataBytes]);
        return stream.ToArray();
    }

    [Fact]
    public void Whole_files_pass()
    {
        Assert.Null(GgmlModelFile.Problem(Write(TestModel())));
        Assert.Null(GgmlModelFile.Problem(Write(WithTensor(4 * 8 * 2))));
    }

    [Theory]
    [InlineData(1000, "mel filters")]
    [InlineData(100_000, "vocabulary")]
    public void A_file_cut_in_its_header_is_refused(int keep, string where)
    {
        Assert.Contains(where, GgmlModelFile.Problem(Write(TestModel()[..keep])));
    }

    [Fact]
    public void A_file_cut_in_a_tensor_or_not_ggml_at_all_is_refused()
    {
        Assert.Contains("cut short", GgmlModelFile.Problem(Write(WithTensor(40))));
        Assert.Contains("does not start like a ggml model", GgmlModelFile.Problem(Write("<html>not a model</html>"u8.ToArray())));
    }

    public void Dispose() => _fixtures.Dispose();
}
