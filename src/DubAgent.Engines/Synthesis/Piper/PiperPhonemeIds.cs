using System.Text;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Piper's phonemes → ids (piper-phonemize's rule): the sentence start "^", a pad "_" after it and after every
/// phoneme, the sentence end "$". Phonemes are the codepoints of the NFD-decomposed IPA; a phoneme the voice's map
/// lacks is dropped (and counted).
/// </summary>
public static class PiperPhonemeIds
{
    public const string Pad = "_";
    public const string Bos = "^";
    public const string Eos = "$";

    public static long[] For(string phonemes, IReadOnlyDictionary<string, long[]> map, out int missing)
    {
        var ids = new List<long>();
        missing = 0;
        var pad = map.TryGetValue(Pad, out var p) ? p : [];
        if (map.TryGetValue(Bos, out var bos))
        {
            ids.AddRange(bos);
            ids.AddRange(pad);
        }
        var decomposed = phonemes.Normalize(NormalizationForm.FormD);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (!map.TryGetValue(rune.ToString(), out var phoneme))
            {
                missing++;
                continue;
            }
            ids.AddRange(phoneme);
            ids.AddRange(pad);
        }
        if (map.TryGetValue(Eos, out var eos)) ids.AddRange(eos);
        return ids.ToArray();
    }
}
