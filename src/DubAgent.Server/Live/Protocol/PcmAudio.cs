using System.Buffers.Binary;

namespace DubAgent.Server.Live.Protocol;

/// <summary>The protocol's audio: 16-bit little-endian PCM, mono, 16 kHz in; 16-bit mono at the synthesizer's rate out.</summary>
public static class PcmAudio
{
    public const int InputRate = 16_000;

    /// <returns>The samples, or null and the error to send back.</returns>
    public static (short[]? Samples, ProtocolError? Error) FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0)
            return (null, new ProtocolError($"An audio chunk of {bytes.Length} bytes is not whole 16-bit samples.",
                "Send PCM 16-bit little-endian, 16 kHz mono: an even number of bytes per chunk."));
        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
        return (samples, null);
    }

    public static (short[]? Samples, ProtocolError? Error) FromBase64(string? audioData)
    {
        if (string.IsNullOrEmpty(audioData))
            return (null, new ProtocolError("The audio_chunk has no audio_data.", "Put base64 PCM 16-bit little-endian, 16 kHz mono in audio_data."));
        var bytes = new byte[audioData.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(audioData, bytes, out var written))
            return (null, new ProtocolError("audio_data is not base64.", "Encode the PCM bytes as standard base64 (RFC 4648)."));
        return FromBytes(bytes.AsSpan(0, written));
    }

    public static string ToBase64(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        return Convert.ToBase64String(bytes);
    }
}
