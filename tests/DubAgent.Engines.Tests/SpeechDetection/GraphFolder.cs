namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>A temporary folder for the test graphs and clips of one test class.</summary>
public sealed class GraphFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dubagent-vad-{Guid.NewGuid():N}");

    public GraphFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
