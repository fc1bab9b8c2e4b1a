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

    /// <summary>A short video whose sound is a spoken English sentence (espeak-ng), padded to exactly <paramref name="seconds"/>:
    /// transcribe stops with "No speech was found" on a tone.</summary>
    public static string SpeakingVideo(string folder, string name = "talk.mp4", double seconds = 2)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var speech = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".speech.wav");
        Run("espeak-ng", "-w", speech, "Hello, this is a short test.");
        var length = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", speech,
            "-f", "lavfi", "-i", $"color=c=black:s=160x120:d={length}",
            "-af", "apad", "-t", length, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path);
        File.Delete(speech);
        return path;
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error}");
    }
}
