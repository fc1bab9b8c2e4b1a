using System.Collections.Concurrent;

namespace DubAgent.Server.Live.Recognition;

/// <summary>
/// Warm decoders lent to live sessions: a model loads once (about a second) and then serves session after session.
/// At most as many exist as sessions may run at once, so memory is bounded by the session limit.
/// </summary>
public sealed class DecoderPool(string modelDirectory, bool accurate = false) : IDisposable
{
    private readonly ConcurrentBag<PocketsphinxDecoder> _idle = [];

    public PocketsphinxDecoder Rent() => _idle.TryTake(out var decoder) ? decoder : PocketsphinxDecoder.Load(modelDirectory, accurate);

    public void Return(PocketsphinxDecoder decoder)
    {
        decoder.End();
        _idle.Add(decoder);
    }

    /// <summary>Loads one decoder ahead of the first session, so its first utterance does not pay for the model.</summary>
    public void Warm() => Return(Rent());

    public void Dispose()
    {
        while (_idle.TryTake(out var decoder)) decoder.Dispose();
    }
}
