using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Export;

/// <summary>For a source with no video stream: the dub (and optionally the original) as AAC tracks in an .m4a.</summary>
public sealed class AudioOnlyExporter(Ffmpeg ffmpeg)
{
    public async Task ExportAsync(IReadOnlyList<AudioTrack> tracks, string outputPath, double durationSeconds, string bitrate,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(outputPath, async temporary =>
        {
            var args = new List<string>();
            foreach (var track in tracks) args.AddRange(["-i", track.Path]);
            for (var i = 0; i < tracks.Count; i++) args.AddRange(["-map", $"{i}:a:0"]);
            args.AddRange(["-vn", "-sn", "-dn", "-c:a", "aac", "-b:a", bitrate, "-filter:a", "apad"]);
            for (var i = 0; i < tracks.Count; i++)
            {
                if (tracks[i].Language is { } lang) args.AddRange([$"-metadata:s:a:{i}", $"language={LanguageCodes.ToIso6392(lang)}"]);
                if (tracks[i].Title is { } title) args.AddRange([$"-metadata:s:a:{i}", $"title={title}"]);
                args.AddRange([$"-disposition:a:{i}", i == 0 ? "default" : "0"]);
            }
            args.AddRange(["-t", durationSeconds.ToString("0.######", CultureInfo.InvariantCulture), "-movflags", "+faststart", "-f", "ipod", temporary]);
            await ffmpeg.RunAsync(args, durationSeconds, progress, "export the dubbed audio", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
