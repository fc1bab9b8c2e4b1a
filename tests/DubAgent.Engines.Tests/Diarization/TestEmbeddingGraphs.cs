namespace DubAgent.Engines.Tests.Diarization;

/// <summary>
/// Small ONNX graphs with the WeSpeaker ResNet34 export's input and output — `feats` [B, T, 80] float in, `embs`
/// [B, 256] out — or sherpa-onnx's 3D-Speaker CAM++ export's — `x` [N, T, 80] in, `embedding` [N, 192] out — written
/// by Debian's python3-onnx, whose outputs are known functions of their inputs.
/// </summary>
internal static class TestEmbeddingGraphs
{
    /// <summary>embs = [first frame (80), mean over T of feats² (80), max over T (80), T (16 copies)].</summary>
    public const string Echo = "echo";

    /// <summary>embs = [mean over T of feats² per bin, less its mean over the bins (80), zeros (176)]: how the spread of each band departs from the rest, which differs between voices.</summary>
    public const string Spread = "spread";

    /// <summary>CAM++'s names and shapes: embedding = [mean over T of x (80), max over T (80), T (32 copies)].</summary>
    public const string CamPlusPlus = "campplus";

    /// <summary>A valid model with Silero-like other shapes (input x [N], output y [N]): not a speaker-embedding model.</summary>
    public const string Other = "other";

    private const string Script = """
        import sys
        import onnx
        from onnx import helper, TensorProto as T

        kind, path = sys.argv[1], sys.argv[2]
        n = helper.make_node

        def ints(name, values):
            return helper.make_tensor(name, T.INT64, [len(values)], values)

        inputs = [helper.make_tensor_value_info("feats", T.FLOAT, ["B", "T", 80])]
        outputs = [helper.make_tensor_value_info("embs", T.FLOAT, ["B", 256])]
        if kind == "echo":
            nodes = [n("Slice", ["feats", "s0", "s1", "axis1"], ["first3"]),
                     n("Squeeze", ["first3", "axis1"], ["first"]),
                     n("Mul", ["feats", "feats"], ["squares"]),
                     n("ReduceMean", ["squares"], ["meansq"], axes=[1], keepdims=0),
                     n("ReduceMax", ["feats"], ["maximum"], axes=[1], keepdims=0),
                     n("Mul", ["feats", "zero"], ["zeros"]),
                     n("Add", ["zeros", "one"], ["ones"]),
                     n("ReduceSum", ["ones", "axis1"], ["count80"], keepdims=0),
                     n("Slice", ["count80", "s0", "s16", "axis1"], ["count"]),
                     n("Concat", ["first", "meansq", "maximum", "count"], ["embs"], axis=1)]
            init = [ints("s0", [0]), ints("s1", [1]), ints("s16", [16]), ints("axis1", [1]),
                    helper.make_tensor("zero", T.FLOAT, [], [0.0]), helper.make_tensor("one", T.FLOAT, [], [1.0])]
            graph = helper.make_graph(nodes, kind, inputs, outputs, init)
        elif kind == "spread":
            nodes = [n("Mul", ["feats", "feats"], ["squares"]),
                     n("ReduceMean", ["squares"], ["spread"], axes=[1], keepdims=0),
                     n("ReduceMean", ["spread"], ["level"], axes=[1], keepdims=1),
                     n("Sub", ["spread", "level"], ["meansq"]),
                     n("Mul", ["meansq", "zero"], ["z80"]),
                     n("Slice", ["z80", "s0", "s16", "axis1"], ["z16"]),
                     n("Concat", ["meansq", "z80", "z80", "z16"], ["embs"], axis=1)]
            init = [ints("s0", [0]), ints("s16", [16]), ints("axis1", [1]), helper.make_tensor("zero", T.FLOAT, [], [0.0])]
            graph = helper.make_graph(nodes, kind, inputs, outputs, init)
        elif kind == "campplus":
            nodes = [n("ReduceMean", ["x"], ["mean"], axes=[1], keepdims=0),
                     n("ReduceMax", ["x"], ["maximum"], axes=[1], keepdims=0),
                     n("Mul", ["x", "zero"], ["zeros"]),
                     n("Add", ["zeros", "one"], ["ones"]),
                     n("ReduceSum", ["ones", "axis1"], ["count80"], keepdims=0),
                     n("Slice", ["count80", "s0", "s32", "axis1"], ["count"]),
                     n("Concat", ["mean", "maximum", "count"], ["embedding"], axis=1)]
            init = [ints("s0", [0]), ints("s32", [32]), ints("axis1", [1]),
                    helper.make_tensor("zero", T.FLOAT, [], [0.0]), helper.make_tensor("one", T.FLOAT, [], [1.0])]
            graph = helper.make_graph(nodes, kind, [helper.make_tensor_value_info("x", T.FLOAT, ["N", "T", 80])],
                                      [helper.make_tensor_value_info("embedding", T.FLOAT, ["N", 192])], init)
        else:
            graph = helper.make_graph([n("Identity", ["x"], ["y"])], kind,
                                      [helper.make_tensor_value_info("x", T.FLOAT, [None])],
                                      [helper.make_tensor_value_info("y", T.FLOAT, [None])])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.checker.check_model(model)
        onnx.save(model, path)
        """;

    /// <summary>Writes the graph of that kind into <paramref name="folder"/> and returns its path.</summary>
    public static Task<string> WriteAsync(string folder, string kind) => Support.OnnxGraphWriter.WriteAsync(folder, $"embedding-{kind}.onnx", kind, Script);
}
