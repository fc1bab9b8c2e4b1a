using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Engines.Export;

/// <summary>Where the audio and the video of a written file end, and the refusal of a file whose two ends are more than one frame apart.</summary>
public sealed record AudioVideoLengths(double AudioSeconds, double VideoSeconds, double FrameMs)
{
    /// <summary>One frame at 25 fps, for a video that reports no frame rate (some variable-rate files).</summary>
    private const double UnknownFrameMs = 40;

    public double DifferenceMs => Math.Abs(AudioSeconds - VideoSeconds) * 1000;

    /// <summary>The lengths of the first audio and video streams; null for a file without both (nothing to compare).</summary>
    public static AudioVideoLengths? Of(MediaInfo written)
    {
        var video = written.FirstVideo;
        if (video?.Duration is not { } v || written.FirstAudio?.Duration is not { } a) return null;
        return new AudioVideoLengths(a, v, video.FrameRate is > 0 ? 1000 / video.FrameRate.Value : 0);
    }

    /// <summary>
    /// Export pads or cuts the dub to the source's length, so ends further apart than a frame mean the source's video
    /// stream stops early (a truncated or damaged file): such a file is not a result and is refused.
    /// </summary>
    public void RequireWithinOneFrame(string outputPath, string sourcePath)
    {
        var frame = FrameMs > 0 ? FrameMs : UnknownFrameMs;
        if (DifferenceMs <= frame) return;
        throw new InputException(
            $"'{Path.GetFileName(outputPath)}' was not written: its audio lasts {AudioSeconds:0.000} s and its video {VideoSeconds:0.000} s, " +
            $"{DifferenceMs:0} ms apart (more than one frame, {frame:0.#} ms).",
            $"The video stream of '{sourcePath}' ends before the file's stated length: the file is probably truncated or damaged. " +
            "Check that it plays to the end, or re-encode it (e.g. ffmpeg -i source -c:v libx264 -c:a aac fixed.mp4) and export that.");
    }
}
