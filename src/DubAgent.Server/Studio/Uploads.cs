using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Studio;

/// <summary>An uploaded file stored in the job's studio folder under a name of ours (only its extension is kept), written whole or not at all.</summary>
public static class Uploads
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".mkv", ".mov", ".webm", ".avi", ".m4v", ".wav", ".mp3", ".m4a", ".flac", ".ogg", ".aac",
    };

    public static async Task<string> SaveAsync(IFormFile file, string folder, string name, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName);
        if (!Extensions.Contains(extension))
            throw new StudioRefusal($"{name}: '{file.FileName}' is not a media file the studio takes ({string.Join(", ", Extensions.Order())}).");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + extension.ToLowerInvariant());
        var temporary = Path.Combine(folder, $".{name}.partial{extension}");
        try
        {
            await using (var target = File.Create(temporary))
                await file.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }
}
