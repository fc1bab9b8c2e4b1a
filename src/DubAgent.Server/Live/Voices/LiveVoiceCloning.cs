using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Voices;
using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Voices;

/// <summary>
/// create_voice_clone: the speaker's samples (base64 PCM16, 16 kHz mono) become the reference clips of a new actor in the
/// voice library with the consent record, through the same <see cref="VoiceEnrollment"/> as `dubagent voices create`.
/// With a cloning engine that can run here the voice is cloned at once; otherwise the actor and consent are kept and the
/// answer says which engine is missing. Nothing is written without consent.
/// </summary>
public sealed class LiveVoiceCloning(VoiceEnrollment? enrollment, IEngineRegistry registry, string workDirectory)
{
    public async Task<ServerMessage> AnswerAsync(ClientMessage request, string sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SpeakerId))
            return new ErrorMessage("create_voice_clone has no speaker_id.", "Set speaker_id to the name the voice library should keep the speaker under.");
        var name = request.SpeakerId.Trim();
        if (string.IsNullOrWhiteSpace(request.Consent))
            return new ErrorMessage($"Refusing to clone '{name}' without consent. {ConsentRequirement.Why}",
                $"Add \"consent\":\"I, {name}, agree that my recorded voice may be cloned for dubbing.\" in the speaker's own words.");
        if (request.AudioSamples is not { Count: > 0 })
            return new ErrorMessage($"create_voice_clone for '{name}' has no audio_samples.",
                "Put one or more recordings of the speaker in audio_samples, each base64 PCM 16-bit little-endian, 16 kHz mono (10-60 s in all is best).");
        var decoded = new List<short[]>();
        for (var i = 0; i < request.AudioSamples.Count; i++)
        {
            var (samples, error) = PcmAudio.FromBase64(request.AudioSamples[i]);
            if (error is not null) return new ErrorMessage($"audio_samples[{i}]: {error.Message}", error.Hint);
            decoded.Add(samples!);
        }
        if (enrollment is null)
            return new ErrorMessage("This server has no voice library.", "Run the host with the built-in engines (`dubagent serve --http`), which include the voice library.");

        var scratch = Path.Combine(workDirectory, $"clone-{Guid.NewGuid():N}");
        try
        {
            var files = WriteSamples(decoded, scratch);
            var (engine, missing) = await CloningEngines.PickAsync(registry, cancellationToken).ConfigureAwait(false);
            var actor = await enrollment.CreateAsync(new CreateVoiceRequest(name, files, request.Consent, Engine: engine, Note: $"live session {sessionId}"),
                scratch, cancellationToken).ConfigureAwait(false);
            var seconds = Math.Round(decoded.Sum(s => s.Length) / (double)PcmAudio.InputRate, 2);
            if (actor.ClonedVoices.LastOrDefault() is { } voice)
                return new VoiceCloneMessage(actor.Name, "cloned", actor.Clips.Count, seconds, voice.Engine, voice.VoiceId);
            return new VoiceCloneMessage(actor.Name, "recorded", actor.Clips.Count, seconds,
                Note: $"'{actor.Name}' is in the voice library with the samples and the consent, but not cloned: {missing}.");
        }
        catch (DubAgentException e)
        {
            return new ErrorMessage($"'{name}' was not added to the voice library: {e.Message}", e.Hint ?? "Check the samples and try again.");
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    private static List<string> WriteSamples(List<short[]> samples, string scratch)
    {
        Directory.CreateDirectory(scratch);
        var files = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var path = Path.Combine(scratch, $"sample-{i + 1}.wav");
            WavWriter.WriteAll(path, new AudioFormat(PcmAudio.InputRate, 1), samples[i].Select(s => s / 32768f).ToArray());
            files.Add(path);
        }
        return files;
    }
}
