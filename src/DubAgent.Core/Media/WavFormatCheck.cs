using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using NAudio.Wave;

namespace DubAgent.Core.Media;

/// <summary>
/// The WAV layouts DubAgent reads and writes, in NAudio's terms, and NAudio's header errors turned into errors that
/// name the file and the fix.
/// </summary>
internal static class WavFormatCheck
{
    private const string ConvertHint = "Convert it to 16/24-bit PCM or 32-bit float WAV with ffmpeg.";

    public static WaveFileReader Open(Stream stream, string name)
    {
        if (!stream.CanSeek)
            throw new MediaException($"'{name}' cannot be read as a WAV file: the stream cannot seek.", "Save it to a file first.");
        try
        {
            return new WaveFileReader(StreamedWavHeader.Repaired(stream));
        }
        catch (FormatException e) when (e.Message.Contains("RIFF", StringComparison.Ordinal) || e.Message.Contains("WAVE header", StringComparison.Ordinal))
        {
            throw new MediaException($"'{name}' is not a WAV file (no RIFF/WAVE header).",
                "Convert it with `dubagent call analyze_media` or ffmpeg first.", null, e);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            // NAudio cannot tell a file cut off in its header from a damaged one; the fix is the same.
            throw new MediaException($"'{name}' is a truncated or malformed WAV file ({e.Message}).",
                "Re-create it (e.g. with ffmpeg): it was cut off while being written or is damaged.", null, e);
        }
    }

    /// <summary>Our layout for a format NAudio read, or an error saying how to convert the file.</summary>
    public static AudioFormat FormatOf(WaveFormat read, string name)
    {
        var standard = read.AsStandardWaveFormat();
        var encoding = (standard.Encoding, standard.BitsPerSample) switch
        {
            (WaveFormatEncoding.Pcm, 16) => SampleEncoding.Pcm16,
            (WaveFormatEncoding.Pcm, 24) => SampleEncoding.Pcm24,
            (WaveFormatEncoding.IeeeFloat, 32) => SampleEncoding.Float32,
            _ => throw new MediaException(
                $"'{name}' uses WAV format {(int)read.Encoding} with {read.BitsPerSample}-bit samples, which DubAgent does not read.", ConvertHint),
        };
        if (standard.Channels is < 1 or > 8) throw new MediaException($"'{name}' has {standard.Channels} channels; DubAgent reads 1 to 8.", ConvertHint);
        if (standard.SampleRate <= 0) throw new MediaException($"'{name}' has an invalid sample rate {standard.SampleRate}.", ConvertHint);
        var format = new AudioFormat(standard.SampleRate, standard.Channels, encoding);
        if (standard.BlockAlign != format.BlockAlign)
            throw new MediaException($"'{name}' has a malformed WAV format chunk (block size {standard.BlockAlign} for {format.Channels} channels of {format.BytesPerSample} bytes).",
                "Re-create the file with ffmpeg; it is damaged.");
        return format;
    }

    /// <summary>NAudio's format for one of ours (plain PCM or IEEE float, as ffmpeg and every reader expect).</summary>
    public static WaveFormat ToWaveFormat(AudioFormat format) => format.Encoding switch
    {
        SampleEncoding.Float32 => WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels),
        _ => new WaveFormat(format.SampleRate, format.BytesPerSample * 8, format.Channels),
    };
}
