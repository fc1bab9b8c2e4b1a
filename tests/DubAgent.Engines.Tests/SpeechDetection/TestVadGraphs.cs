namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>
/// Small ONNX graphs with Silero VAD's input and output names and shapes, written by Debian's python3-onnx, whose
/// outputs are known functions of their inputs, so the windowing and state plumbing can be checked exactly.
/// </summary>
internal static class TestVadGraphs
{
    /// <summary>output = input[0] + 2·input[575] + state[0,0,0] + (sr − 16000); stateN = state + 1 (so state counts the windows).</summary>
    public const string Echo = "echo";

    /// <summary>output = the largest |sample| of the 512 new samples (the 64 context samples left out); stateN = state.</summary>
    public const string Gate = "gate";

    /// <summary>A valid model with other names (input x, output y): not Silero.</summary>
    public const string Other = "other";

    private const string Script = """
        import sys
        import onnx
        from onnx import helper, TensorProto as T

        kind, path = sys.argv[1], sys.argv[2]

        def ints(name, values):
            return helper.make_tensor(name, T.INT64, [len(values)], values)

        def scalar(name, value, dtype=T.FLOAT):
            return helper.make_tensor(name, dtype, [], [value])

        silero_inputs = [helper.make_tensor_value_info("input", T.FLOAT, [None, None]),
                         helper.make_tensor_value_info("state", T.FLOAT, [2, None, 128]),
                         helper.make_tensor_value_info("sr", T.INT64, [])]
        silero_outputs = [helper.make_tensor_value_info("output", T.FLOAT, [None, 1]),
                          helper.make_tensor_value_info("stateN", T.FLOAT, [2, None, 128])]
        n = helper.make_node
        if kind == "echo":
            nodes = [n("Slice", ["input", "s0", "s1", "axis1"], ["first"]),
                     n("Slice", ["input", "s575", "s576", "axis1"], ["last"]),
                     n("Mul", ["last", "two"], ["last2"]),
                     n("Slice", ["state", "s00", "s11", "axes02"], ["count3"]),
                     n("Squeeze", ["count3", "axis0"], ["count"]),
                     n("Sub", ["sr", "rate"], ["rate_error"]),
                     n("Cast", ["rate_error"], ["rate_errorf"], to=T.FLOAT),
                     n("Add", ["first", "last2"], ["a"]),
                     n("Add", ["a", "count"], ["b"]),
                     n("Add", ["b", "rate_errorf"], ["output"]),
                     n("Add", ["state", "one"], ["stateN"])]
            init = [ints("s0", [0]), ints("s1", [1]), ints("s575", [575]), ints("s576", [576]), ints("axis1", [1]),
                    ints("s00", [0, 0]), ints("s11", [1, 1]), ints("axes02", [0, 2]), ints("axis0", [0]),
                    scalar("two", 2.0), scalar("one", 1.0), scalar("rate", 16000, T.INT64)]
            graph = helper.make_graph(nodes, kind, silero_inputs, silero_outputs, init)
        elif kind == "gate":
            nodes = [n("Slice", ["input", "s64", "s576", "axis1"], ["window"]),
                     n("Abs", ["window"], ["magnitude"]),
                     n("ReduceMax", ["magnitude"], ["output"], axes=[1], keepdims=1),
                     n("Identity", ["state"], ["stateN"])]
            init = [ints("s64", [64]), ints("s576", [576]), ints("axis1", [1])]
            graph = helper.make_graph(nodes, kind, silero_inputs, silero_outputs, init)
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
    public static Task<string> WriteAsync(string folder, string kind) => Support.OnnxGraphWriter.WriteAsync(folder, $"{kind}.onnx", kind, Script);
}
