using System.Runtime.InteropServices;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Server.Live.Recognition;

/// <summary>
/// One warm pocketsphinx decoder (en-us acoustic model, language model and dictionary loaded once): audio is fed while
/// the speaker talks, so the hypothesis so far is a partial transcript and ending the utterance costs only the last
/// search. Not thread-safe: one utterance stream uses it at a time (<see cref="DecoderPool"/> lends it out).
/// </summary>
public sealed class PocketsphinxDecoder : IDisposable
{
    public const string InstallHint = "apt-get install libpocketsphinx3 pocketsphinx-en-us";

    private IntPtr _config;
    private IntPtr _decoder;
    private bool _inUtterance;

    private PocketsphinxDecoder(IntPtr config, IntPtr decoder)
    {
        _config = config;
        _decoder = decoder;
    }

    /// <summary>
    /// Search settings for live use: one forward pass (no flat second pass, no lattice best path, whose cost grows with
    /// the utterance and lands after it ended) with tighter pruning; about 0.2 x real time on one core instead of 0.5.
    /// </summary>
    public static readonly string[] LiveSearch = ["-fwdflat", "no", "-bestpath", "no", "-maxhmmpf", "3000", "-pl_window", "5"];

    /// <summary>Loads the en-us model from <paramref name="modelDirectory"/> (Debian: /usr/share/pocketsphinx/model/en-us).</summary>
    /// <param name="accurate">pocketsphinx's default search (second passes, default pruning) instead of <see cref="LiveSearch"/>.</param>
    public static PocketsphinxDecoder Load(string modelDirectory, bool accurate = false)
    {
        var hmm = Path.Combine(modelDirectory, "en-us");
        var lm = Path.Combine(modelDirectory, "en-us.lm.bin");
        var dict = Path.Combine(modelDirectory, "cmudict-en-us.dict");
        if (!Directory.Exists(hmm) || !File.Exists(lm) || !File.Exists(dict))
            throw new EngineUnavailableException("pocketsphinx", "transcribe", $"the en-us model is not in '{modelDirectory}'", InstallHint);
        if (!PocketsphinxNative.IsPresent())
            throw new EngineUnavailableException("pocketsphinx", "transcribe", "the pocketsphinx library (libpocketsphinx.so.3) is not installed", InstallHint);
        string[] argv = ["-hmm", hmm, "-lm", lm, "-dict", dict, "-samprate", "16000", "-logfn", "/dev/null", .. accurate ? [] : LiveSearch];
        var config = PocketsphinxNative.ParseConfig(IntPtr.Zero, PocketsphinxNative.Arguments(), argv.Length, argv, 1);
        if (config == IntPtr.Zero)
            throw new EngineFailedException("pocketsphinx", "the decoder configuration was refused", "Check Pocketsphinx:ModelDirectory.");
        var decoder = PocketsphinxNative.Init(config);
        if (decoder == IntPtr.Zero)
        {
            PocketsphinxNative.FreeConfig(config);
            throw new EngineFailedException("pocketsphinx", $"the decoder could not load the model in '{modelDirectory}'", "Reinstall pocketsphinx-en-us.");
        }
        return new PocketsphinxDecoder(config, decoder);
    }

    public void Start()
    {
        if (_inUtterance) PocketsphinxNative.EndUtterance(_decoder);
        Check(PocketsphinxNative.StartUtterance(_decoder), "start an utterance");
        _inUtterance = true;
    }

    public void Feed(ReadOnlySpan<short> samples)
    {
        if (!_inUtterance) Start();
        if (samples.IsEmpty) return;
        Check(PocketsphinxNative.ProcessRaw(_decoder, ref MemoryMarshal.GetReference(samples), (nuint)samples.Length, 0, 0), "decode audio");
    }

    /// <summary>The best words so far (empty while nothing is recognised).</summary>
    public string Partial() => Read();

    /// <summary>Ends the utterance and returns its final words.</summary>
    public string End()
    {
        if (!_inUtterance) return "";
        Check(PocketsphinxNative.EndUtterance(_decoder), "end the utterance");
        _inUtterance = false;
        return Read();
    }

    private string Read()
    {
        var text = PocketsphinxNative.Hypothesis(_decoder, out _);
        return text == IntPtr.Zero ? "" : (Marshal.PtrToStringUTF8(text) ?? "").Trim();
    }

    private static void Check(int result, string what)
    {
        if (result < 0) throw new EngineFailedException("pocketsphinx", $"the decoder could not {what} (code {result})", "Restart the live session.");
    }

    public void Dispose()
    {
        if (_decoder != IntPtr.Zero) PocketsphinxNative.Free(_decoder);
        if (_config != IntPtr.Zero) PocketsphinxNative.FreeConfig(_config);
        _decoder = _config = IntPtr.Zero;
    }
}
