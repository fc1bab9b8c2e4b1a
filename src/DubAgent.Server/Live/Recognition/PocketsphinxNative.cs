using System.Runtime.InteropServices;

namespace DubAgent.Server.Live.Recognition;

/// <summary>
/// The few calls of CMU pocketsphinx 5prealpha's C library (Debian's libpocketsphinx3 and libsphinxbase3) that a
/// streaming decoder needs: configure, start an utterance, feed raw 16 kHz samples, read the best hypothesis so far, end.
/// </summary>
internal static class PocketsphinxNative
{
    private const string Pocketsphinx = "libpocketsphinx.so.3";
    private const string Sphinxbase = "libsphinxbase.so.3";

    [DllImport(Pocketsphinx, EntryPoint = "ps_args")]
    internal static extern IntPtr Arguments();

    [DllImport(Sphinxbase, EntryPoint = "cmd_ln_parse_r")]
    internal static extern IntPtr ParseConfig(IntPtr config, IntPtr definitions, int argc,
        [In, MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string[] argv, int strict);

    [DllImport(Sphinxbase, EntryPoint = "cmd_ln_free_r")]
    internal static extern int FreeConfig(IntPtr config);

    [DllImport(Pocketsphinx, EntryPoint = "ps_init")]
    internal static extern IntPtr Init(IntPtr config);

    [DllImport(Pocketsphinx, EntryPoint = "ps_free")]
    internal static extern int Free(IntPtr decoder);

    [DllImport(Pocketsphinx, EntryPoint = "ps_start_utt")]
    internal static extern int StartUtterance(IntPtr decoder);

    [DllImport(Pocketsphinx, EntryPoint = "ps_process_raw")]
    internal static extern int ProcessRaw(IntPtr decoder, ref short data, nuint samples, int noSearch, int fullUtterance);

    [DllImport(Pocketsphinx, EntryPoint = "ps_end_utt")]
    internal static extern int EndUtterance(IntPtr decoder);

    [DllImport(Pocketsphinx, EntryPoint = "ps_get_hyp")]
    internal static extern IntPtr Hypothesis(IntPtr decoder, out int bestScore);

    /// <summary>Whether the library can be loaded here (Debian: apt-get install libpocketsphinx3 pocketsphinx-en-us).</summary>
    internal static bool IsPresent() => NativeLibrary.TryLoad(Pocketsphinx, out _) && NativeLibrary.TryLoad(Sphinxbase, out _);
}
