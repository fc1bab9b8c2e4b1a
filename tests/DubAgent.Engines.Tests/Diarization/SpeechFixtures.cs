using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Hosting;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Transcription;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>Media the transcription and diarization tests share: a temp folder, espeak dialogues, ../shared/data.</summary>
public sealed class SpeechFixtures : IDisposable
{
    public SpeechFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "dubagent-speech-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static IProcessRunner Runner { get; } = new ProcessRunner();

    public static IMediaToolkit Media { get; } =
        MediaToolkit.Over(Runner);

    /// <summary>Speech regions from the energy detector, which these engines' figures were measured with.</summary>
    public static SpeechRegionFinder EnergyRegions { get; } = new(new EnergySpeechDetector());

    public EngineContext Context(string? name = null)
    {
        var work = Path.Combine(Directory, name ?? Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(work);
        return new EngineContext { WorkDirectory = work };
    }

    public static IConfiguration Configuration(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    /// <summary>Services with core and the transcription and diarization tools and engines.</summary>
    public static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddTranscription();
        services.AddDiarization();
        return services.BuildServiceProvider();
    }

    /// <summary>The folder ../shared/data beside the clone, found by walking up from the test binaries.</summary>
    public static string SharedData
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
                    if (System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
            throw new DirectoryNotFoundException("../shared/data (test recordings) was not found beside the clone.");
        }
    }

    /// <summary>
    /// A two-voice espeak-ng dialogue (male and female voices alternating, pauses between lines) as 16 kHz mono WAV,
    /// with its reference turns: the time each clip's audible speech occupies.
    /// </summary>
    public Task<(string Path, IReadOnlyList<SpeakerTurn> Truth, IReadOnlyList<string> Lines)> DialogueAsync(int lines = 6) =>
        DialogueAsync(lines, ["en-us+m3", "en-us+f3"], pause: true);

    /// <summary>Lines spoken in turn by <paramref name="voices"/>, with pauses between them or run together.</summary>
    public async Task<(string Path, IReadOnlyList<SpeakerTurn> Truth, IReadOnlyList<string> Lines)> DialogueAsync(int lines, string[] voices, bool pause)
    {
        string[] text =
        [
            "Good morning, did you sleep well last night?",
            "Not really, the neighbours were playing music until three.",
            "That sounds terrible. Did you ask them to stop?",
            "I knocked twice, but nobody answered the door.",
            "Maybe we should talk to the landlord about it today.",
            "Yes, let us call him after breakfast.",
            "I will make some coffee first.",
            "Thank you, that would be lovely.",
        ];
        var samples = new List<float>();
        var truth = new List<SpeakerTurn>();
        void Silence(double seconds) => samples.AddRange(new float[(int)(seconds * 16000)]);
        Silence(0.5);
        for (var i = 0; i < lines; i++)
        {
            var clip = Path.Combine(Directory, $"line{i}.wav");
            var raw = Path.Combine(Directory, $"line{i}.espeak.wav");
            var result = await Runner.RunAsync(new ProcessRequest("espeak-ng", ["-v", voices[i % voices.Length], "-w", raw, text[i % text.Length]]), CancellationToken.None);
            Assert.True(result.Succeeded, result.StderrTail);
            await Media.ExtractAudioAsync(raw, clip, 16000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
            var (_, audio) = WavReader.ReadAll(clip);
            var (first, last) = Audible(audio);
            if (!pause) audio = audio[first..last];
            var start = samples.Count;
            truth.Add(pause
                ? new SpeakerTurn((start + first) / 16000.0, (start + last) / 16000.0, $"voice{i % voices.Length}")
                : new SpeakerTurn(start / 16000.0, (start + audio.Length) / 16000.0, $"voice{i % voices.Length}"));
            samples.AddRange(audio);
            if (pause) Silence(0.3 + 0.1 * (i % 4));
        }
        var path = Path.Combine(Directory, "dialogue.wav");
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), samples.ToArray());
        return (path, truth, text.Take(lines).ToList());
    }

    /// <summary>First and last sample above -40 dBFS.</summary>
    private static (int First, int Last) Audible(float[] audio)
    {
        var first = Array.FindIndex(audio, s => Math.Abs(s) > 0.01f);
        var last = Array.FindLastIndex(audio, s => Math.Abs(s) > 0.01f);
        return first < 0 ? (0, 0) : (first, last + 1);
    }

    public static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the OS cleans the temp folder.
        }
    }
}
