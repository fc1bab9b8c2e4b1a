using System.Globalization;

namespace DubAgent.Server.Resources;

/// <summary>A file's size as people read it (812 B, 3.4 kB, 17.2 MB), in tool results and resource errors.</summary>
public static class FileSizeText
{
    public static string Of(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " kB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
