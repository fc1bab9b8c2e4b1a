using System.Runtime.InteropServices;

namespace DubAgent.Server.Live.Synthesis;

/// <summary>
/// espeak-ng's C library (Debian's libespeak-ng1) in synchronous mode: espeak_Synth returns when the text is spoken and
/// hands the samples to the callback in pieces of the buffer length given at initialisation, so the first piece can be
/// sent before the rest exists.
/// </summary>
internal static class EspeakNative
{
    private const string Library = "libespeak-ng.so.1";

    internal const int OutputSynchronous = 2;
    internal const int CharsUtf8 = 1;
    internal const int PositionCharacter = 1;
    internal const int ParameterRate = 1;
    internal const int ParameterPitch = 3;

    /// <returns>1 to stop synthesis, 0 to go on.</returns>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate int SynthCallback(IntPtr samples, int count, IntPtr events);

    /// <returns>The sample rate in Hz, or -1.</returns>
    [DllImport(Library, EntryPoint = "espeak_Initialize")]
    internal static extern int Initialize(int output, int bufferMilliseconds, IntPtr path, int options);

    [DllImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    internal static extern void SetSynthCallback(SynthCallback callback);

    [DllImport(Library, EntryPoint = "espeak_SetVoiceByName")]
    internal static extern int SetVoiceByName([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(Library, EntryPoint = "espeak_SetParameter")]
    internal static extern int SetParameter(int parameter, int value, int relative);

    [DllImport(Library, EntryPoint = "espeak_Synth")]
    internal static extern int Synth(byte[] text, nuint size, uint position, int positionType, uint endPosition, uint flags, IntPtr uniqueIdentifier, IntPtr userData);

    internal static bool IsPresent() => NativeLibrary.TryLoad(Library, out _);
}
