namespace DubAgent.Abstractions.Media;

/// <summary>What ffprobe says about a file.</summary>
public sealed record MediaInfo
{
    public string Path { get; init; } = "";

    /// <summary>ffprobe's format name (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav").</summary>
    public string Container { get; init; } = "";

    /// <summary>Seconds.</summary>
    public double Duration { get; init; }

    public long SizeBytes { get; init; }

    public IReadOnlyList<MediaStream> Streams { get; init; } = [];

    public MediaStream? FirstAudio => Streams.FirstOrDefault(s => s.Kind == StreamKind.Audio);

    public MediaStream? FirstVideo => Streams.FirstOrDefault(s => s.Kind == StreamKind.Video);
}

public enum StreamKind { Video, Audio, Subtitle, Data, Other }

public sealed record MediaStream
{
    public int Index { get; init; }
    public StreamKind Kind { get; init; }
    public string Codec { get; init; } = "";
    public double? Duration { get; init; }
    public string? Language { get; init; }

    // Video
    public int? Width { get; init; }
    public int? Height { get; init; }
    public double? FrameRate { get; init; }

    // Audio
    public int? SampleRate { get; init; }
    public int? Channels { get; init; }
    public string? ChannelLayout { get; init; }
}
