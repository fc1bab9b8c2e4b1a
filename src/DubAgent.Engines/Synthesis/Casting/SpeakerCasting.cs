using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Voices;

namespace DubAgent.Engines.Synthesis;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// The cast of one synthesize call: the caller's `voices` first, then (with the voice library) the voice each matched
/// actor has for the language on this engine, then automatic casting by pitch. With the library, each speaker's
/// reference clip is cut into the step folder and, in remember mode, new speakers are kept as actors afterwards.
/// </summary>
public sealed class SpeakerCasting(IMediaToolkit media, SpeakerReferences references, ActorCasting actors)
{
    public async Task<IReadOnlyList<CastEntry>> CastAsync(SynthesizeArguments arguments, Translation translation, ISynthesizer engine,
        string language, ToolContext context)
    {
        var token = context.CancellationToken;
        var speakers = translation.Segments.Select(SynthesizeTool.SpeakerKey).Distinct(StringComparer.Ordinal).ToList();
        var voices = await engine.ListVoicesAsync(token).ConfigureAwait(false);
        var mode = Mode(arguments);
        string? audio = null;
        if (!string.IsNullOrWhiteSpace(arguments.Audio))
            audio = context.Paths.CheckRead(InputFiles.RequireFile(arguments.Audio, "audio"), "audio");
        else if (mode != VoiceLibraryModes.Off || arguments.Actors is { Count: > 0 })
            throw new InputException($"voice_library '{mode}' needs `audio` (the original speech) to recognise the speakers.",
                "Pass the vocals stem (or the source media) as `audio`, or set voice_library: off.");
        var pitches = audio is null ? null : await MeasurePitchesAsync(audio, translation, context).ConfigureAwait(false);
        // Whatever the mode, a person's cloned voice is never dealt to someone else.
        var clones = await actors.ClonedVoicesAsync(engine.Name, token).ConfigureAwait(false);
        if (mode == VoiceLibraryModes.Off) return VoiceCaster.Cast(engine.Name, speakers, voices, language, arguments.Voices, pitches, clones);

        context.Progress.Report(new ProgressUpdate(null, "cutting each speaker's reference clip"));
        var lines = translation.Segments.Select(s => (s.Id, SynthesizeTool.SpeakerKey(s), s.Start, s.End, s.Text)).ToList();
        var refs = await references.CutAsync(audio!, lines, context.WorkDirectory, token).ConfigureAwait(false);
        var matched = await actors.MatchAsync(refs, arguments.Actors, token).ConfigureAwait(false);
        var requested = new Dictionary<string, string>(StringComparer.Ordinal);
        var libraryVoices = new Dictionary<string, ActorVoice>(StringComparer.Ordinal);
        foreach (var (speaker, actor) in matched)
            if (ActorVoice.For(actor.Actor, language, engine.Name, voices, out var unusable) is { } chosen)
                (requested[speaker], libraryVoices[speaker]) = (chosen.Voice, chosen);
            else if (unusable is not null)
                context.Report.Notes.Add($"{speaker} is {unusable}");
        foreach (var (speaker, voice) in arguments.Voices ?? new Dictionary<string, string>()) requested[speaker] = voice;
        var cast = VoiceCaster.Cast(engine.Name, speakers, voices, language, requested, pitches, clones)
            .Select(c => Annotate(c, arguments, matched.GetValueOrDefault(c.Speaker), libraryVoices.GetValueOrDefault(c.Speaker))).ToList();

        if (mode == VoiceLibraryModes.Remember)
        {
            var added = await actors.RememberAsync(refs, matched, cast.ToDictionary(c => c.Speaker, c => c.Voice), language, engine.Name,
                Path.GetFileName(Path.TrimEndingDirectorySeparator(context.JobDirectory)), token).ConfigureAwait(false);
            cast = cast.Select(c => added.FirstOrDefault(a => a.Speaker == c.Speaker) is { } a ? c with { Actor = a.Actor.Name, ActorMatch = a.How } : c).ToList();
        }
        foreach (var r in refs.Where(r => r.Short))
            context.Report.Notes.Add($"{r.Speaker}: only {r.Seconds:0.0} s of clean speech for the reference clip (10-30 s wanted)");
        return cast;
    }

    private static string Mode(SynthesizeArguments arguments)
    {
        var mode = string.IsNullOrWhiteSpace(arguments.VoiceLibrary) ? VoiceLibraryModes.Off : arguments.VoiceLibrary.Trim().ToLowerInvariant();
        return VoiceLibraryModes.All.Contains(mode)
            ? mode
            : throw new InputException($"voice_library '{arguments.VoiceLibrary}' is not a mode.", $"Use one of: {string.Join(", ", VoiceLibraryModes.All)}.");
    }

    private static CastEntry Annotate(CastEntry entry, SynthesizeArguments arguments, SpeakerActor? actor, ActorVoice? voice)
    {
        if (actor is null) return entry;
        var fromLibrary = entry.Source == "arguments" && arguments.Voices?.ContainsKey(entry.Speaker) != true;
        entry = entry with { Source = fromLibrary ? "library" : entry.Source, Actor = actor.Actor.Name, ActorMatch = actor.How, ActorScore = actor.Score };
        return fromLibrary && voice is not null ? entry with { LibraryVoice = voice.How, Rate = voice.Rate, Pitch = voice.Pitch } : entry;
    }

    private async Task<IReadOnlyDictionary<string, double>> MeasurePitchesAsync(string audio, Translation translation, ToolContext context)
    {
        var lines = translation.Segments.Select(s => (SynthesizeTool.SpeakerKey(s), s.Start, s.End)).ToList();
        context.Progress.Report(new ProgressUpdate(null, "measuring each speaker's pitch"));
        var wav = audio;
        string? extracted = null;
        if (!IsReadableWav(audio))
        {
            extracted = Path.Combine(context.WorkDirectory, $".pitch-source-{Guid.NewGuid():N}.wav");
            await media.ExtractAudioAsync(audio, extracted, 16000, 1, SampleEncoding.Pcm16, null, context.CancellationToken).ConfigureAwait(false);
            wav = extracted;
        }
        try
        {
            return await Task.Run(() => SpeakerPitchMeter.Measure(wav, lines, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (extracted is not null && File.Exists(extracted)) File.Delete(extracted);
        }
    }

    private static bool IsReadableWav(string path)
    {
        try
        {
            using var reader = new WavReader(path);
            return true;
        }
        catch (MediaException)
        {
            return false;
        }
    }
}
