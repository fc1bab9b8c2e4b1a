using System.Diagnostics;

namespace DubAgent.Server.Tests.Support;

/// <summary>Small media made with the real ffmpeg for the tests.</summary>
public static class TestMedia
{
    /// <summary>A 2 s video (160x120 black) with a 440 Hz tone.</summary>
    public static string Video(string folder, string name = "clip.mp4", double seconds = 2)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}",
            "-f", "lavfi", "-i", $"color=c=black:s=160x120:d={seconds}",
            "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path);
        return path;
    }

    /// <summary>
    /// A short video of one espeak-ng voice saying a few English sentences (about 5 s, enough for a whole dub), or padded
    /// with silence / cut to exactly <paramref name="seconds"/>.
    /// </summary>
    public static string SpeechVideo(string folder, string name = "speech.mp4", double? seconds = null)
    {
        Directory.CreateDirectory(folder);
        var speech = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".speech.wav");
        Run("espeak-ng", "-v", "en-us", "-w", speech, "Hello there. This is a short test of the dubbing tool. We hope it sounds good.");
        var path = Path.Combine(folder, name);
        // The picture exactly as long as the sound: a longer stream would make the file look truncated.
        var length = seconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? Capture("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", speech).Trim();
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", $"color=c=blue:s=160x120:r=25:d={length}", "-i", speech,
            "-af", "apad", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", length, path);
        File.Delete(speech);
        return path;
    }

    private static string Capture(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} failed: {error.Result}");
    }

    private static void Run(string program, params string[] arguments) => Capture(program, arguments);
}
