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
