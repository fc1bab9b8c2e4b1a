using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Socket;

/// <summary>
/// The answer to create_voice_clone. Cloning a voice needs a cloning synthesis engine and the voice library to keep the
/// consented voice in; this server has neither yet, so the request is refused with what it would take.
/// </summary>
public static class VoiceCloning
{
    public static ErrorMessage Answer(ClientMessage request)
    {
        if (string.IsNullOrWhiteSpace(request.SpeakerId) || request.AudioSamples is not { Count: > 0 } || string.IsNullOrWhiteSpace(request.Consent))
            return new ErrorMessage("create_voice_clone needs speaker_id, audio_samples (base64 PCM) and the speaker's consent.",
                "Send all three; consent is a statement that the speaker agreed to their voice being cloned.");
        return new ErrorMessage($"Voice cloning is not available on this server, so '{request.SpeakerId}' was not cloned.",
            "Cloning needs a cloning synthesis engine and the voice library to keep consented voices in; neither is installed here. " +
            "Live dubbing goes on with a distinct built-in voice per speaker.");
    }
}
