namespace DubAgent.Cli.Demo;

/// <summary>The files of a demo folder.</summary>
public sealed record DemoMedia(string Directory)
{
    public string Video => Path.Combine(Directory, "demo.mp4");
    public string TruthDirectory => Path.Combine(Directory, "truth");
    public string Transcript => Path.Combine(TruthDirectory, "transcript.json");
    public string Vocals => Path.Combine(TruthDirectory, "vocals.wav");
    public string Background => Path.Combine(TruthDirectory, "background.wav");

    /// <summary>vocals + background, sample for sample: the soundtrack encoded (as AAC) into the video.</summary>
    public string Mix => Path.Combine(TruthDirectory, "mix.wav");

    public string Marker => Path.Combine(Directory, DemoFolder.MarkerName);

    public IEnumerable<string> Files => [Video, Transcript, Vocals, Background, Mix];
}
