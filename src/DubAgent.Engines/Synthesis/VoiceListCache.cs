using DubAgent.Abstractions.Engines;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// An engine's voice list kept for a short while. A hosted engine answers it over the network (and counts it against
/// the account's rate limit), while one run asks for it several times: preflight, language reach, casting; a server
/// asks again for every job and page. The engine drops it when it adds or removes a voice itself.
/// </summary>
public sealed class VoiceListCache(TimeSpan lifetime, TimeProvider? time = null)
{
    /// <summary>As long as the engine registry keeps an engine's status in a long-running server.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private (string Account, DateTimeOffset At, IReadOnlyList<VoiceInfo> Voices)? _kept;

    /// <summary>
    /// The voices kept for <paramref name="account"/> (what the list depends on: endpoint and key) while fresh, else
    /// <paramref name="fetch"/>'s answer, kept. A failed or cancelled fetch keeps nothing.
    /// </summary>
    public async Task<IReadOnlyList<VoiceInfo>> GetAsync(string account, Func<CancellationToken, Task<IReadOnlyList<VoiceInfo>>> fetch,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_kept is { } kept && kept.Account == account && _time.GetUtcNow() - kept.At < lifetime) return kept.Voices;
        }
        var voices = await fetch(cancellationToken).ConfigureAwait(false);
        lock (_gate) _kept = (account, _time.GetUtcNow(), voices);
        return voices;
    }

    /// <summary>Forgets the list (a voice was just added or removed).</summary>
    public void Forget()
    {
        lock (_gate) _kept = null;
    }
}
