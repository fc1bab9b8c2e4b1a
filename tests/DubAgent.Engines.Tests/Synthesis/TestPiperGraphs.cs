namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// Small ONNX graphs with a Piper VITS voice's interface — `input` int64 [1, N], `input_lengths` int64 [1], `scales`
/// float [3] and, multi-speaker, `sid` int64 [1]; `output` float [1, 1, 1, T] — written by Debian's python3-onnx.
/// output = each phoneme id × the length scale (+ 1000 × sid), held for <see cref="SamplesPerId"/> samples.
/// </summary>
internal static class TestPiperGraphs
{
    public const int SamplesPerId = 100;
    public const string Single = "single";
    public const string Multi = "multi";

    private const string Script = """
        import sys
        import onnx
        from onnx import helper, TensorProto as T

        kind, path = sys.argv[1], sys.argv[2]
        n = helper.make_node
        inputs = [helper.make_tensor_value_info("input", T.INT64, [1, "N"]),
                  helper.make_tensor_value_info("input_lengths", T.INT64, [1]),
                  helper.make_tensor_value_info("scales", T.FLOAT, [3])]
        nodes = [n("Cast", ["input"], ["x"], to=T.FLOAT),
                 n("Gather", ["scales", "one_index"], ["length_scale"], axis=0),
                 n("Mul", ["x", "length_scale"], ["scaled"]),
                 n("Cast", ["input_lengths"], ["n"], to=T.FLOAT),
                 n("Mul", ["n", "zero"], ["nothing"]),
                 n("Add", ["scaled", "nothing"], ["y0"])]
        last = "y0"
        if kind == "multi":
            inputs.append(helper.make_tensor_value_info("sid", T.INT64, [1]))
            nodes += [n("Cast", ["sid"], ["s"], to=T.FLOAT), n("Mul", ["s", "thousand"], ["offset"]), n("Add", ["y0", "offset"], ["y1"])]
            last = "y1"
        nodes += [n("Unsqueeze", [last, "axis2"], ["u"]),
                  n("Tile", ["u", "repeats"], ["t"]),
                  n("Reshape", ["t", "shape"], ["output"])]
        init = [helper.make_tensor("one_index", T.INT64, [], [1]),
                helper.make_tensor("zero", T.FLOAT, [], [0.0]),
                helper.make_tensor("thousand", T.FLOAT, [], [1000.0]),
                helper.make_tensor("axis2", T.INT64, [1], [2]),
                helper.make_tensor("repeats", T.INT64, [3], [1, 1, 100]),
                helper.make_tensor("shape", T.INT64, [4], [1, 1, 1, -1])]
        outputs = [helper.make_tensor_value_info("output", T.FLOAT, [1, 1, 1, "T"])]
        graph = helper.make_graph(nodes, kind, inputs, outputs, init)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.checker.check_model(model)
        onnx.save(model, path)
        """;

    /// <summary>Writes the voice graph and returns its path (`NAME.onnx`, for a config beside it).</summary>
    public static Task<string> WriteAsync(string folder, string kind, string name) => Support.OnnxGraphWriter.WriteAsync(folder, $"{name}.onnx", kind, Script);

    /// <summary>
    /// Piper's phoneme symbols in the order its voices number them (ids 0-129, as in the publisher's own test voice,
    /// rhasspy/piper etc/test_voice.onnx.json): pad, start, end, space, punctuation, letters without "g" (espeak-ng
    /// writes the IPA ɡ), then IPA.
    /// </summary>
    public const string PiperSymbols = "_^$ !'(),-.:;?abcdefhijklmnopqrstuvwxyzæçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ";

    /// <summary>A Piper .onnx.json: espeak voice, sample rate, scales, and a phoneme map of punctuation, letters and IPA.</summary>
    public static string Config(string espeakVoice, string language, int sampleRate, int speakers = 1)
    {
        var symbols = new List<string> { "_", "^", "$", " ", "!", "'", "(", ")", ",", "-", ".", ":", ";", "?" };
        symbols.AddRange("abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString()));
        symbols.AddRange("æçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ"
            .Select(c => c.ToString()));
        symbols.AddRange(["\u0303", "\u0329", "\u032A", "\u0361", "\u0306"]);
        return ConfigWith(espeakVoice, language, sampleRate, symbols, speakers);
    }

    /// <summary>
    /// A config with a real-shaped phoneme map: <see cref="PiperSymbols"/> at their ids, then the combining tilde
    /// (U+0303) that French and Portuguese nasal vowels decompose into (NFD).
    /// </summary>
    public static string RealShapedConfig(string espeakVoice, string language, int sampleRate) =>
        ConfigWith(espeakVoice, language, sampleRate, [.. PiperSymbols.Select(c => c.ToString()), "\u0303"], 1);

    private static string ConfigWith(string espeakVoice, string language, int sampleRate, IReadOnlyList<string> symbols, int speakers)
    {
        var map = string.Join(",\n    ", symbols.Select((s, i) => $"{System.Text.Json.JsonSerializer.Serialize(s)}: [{i}]"));
        var speakerMap = speakers > 1 ? string.Join(", ", Enumerable.Range(0, speakers).Select(i => $"\"spk{i}\": {i}")) : "";
        return $$"""
            {
              "audio": { "sample_rate": {{sampleRate}}, "quality": "medium" },
              "espeak": { "voice": "{{espeakVoice}}" },
              "language": { "code": "{{language}}" },
              "inference": { "noise_scale": 0.667, "length_scale": 1.5, "noise_w": 0.8 },
              "phoneme_type": "espeak",
              "num_speakers": {{speakers}},
              "speaker_id_map": { {{speakerMap}} },
              "phoneme_id_map": {
                {{map}}
              }
            }
            """;
    }
}
