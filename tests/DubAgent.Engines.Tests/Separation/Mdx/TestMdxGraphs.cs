using DubAgent.Core.Processes;

namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>
/// Small ONNX graphs with the real MDX-Net models' input and output ("input" and "output", float [batch, 4, bins,
/// frames]) whose outputs are known functions of their inputs, written by Debian's python3-onnx.
/// </summary>
internal static class TestMdxGraphs
{
    /// <summary>output = input.</summary>
    public const string Identity = "identity";

    /// <summary>output = input with every bin from <c>cut</c> up set to zero (a fixed low-pass mask, the same for all frames).</summary>
    public const string LowPass = "lowpass";

    /// <summary>A valid model that takes a plain vector (x to y): not MDX-Net.</summary>
    public const string Other = "other";

    private const string Script = """
        import sys
        import numpy as np
        import onnx
        from onnx import helper, numpy_helper, TensorProto as T

        kind, path, bins, frames, cut = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        shape = ["batch", 4, bins, frames]
        inputs = [helper.make_tensor_value_info("input", T.FLOAT, shape)]
        outputs = [helper.make_tensor_value_info("output", T.FLOAT, shape)]
        n = helper.make_node
        if kind == "identity":
            graph = helper.make_graph([n("Identity", ["input"], ["output"])], kind, inputs, outputs)
        elif kind == "lowpass":
            mask = np.zeros((1, 1, bins, 1), dtype=np.float32)
            mask[:, :, :cut, :] = 1
            graph = helper.make_graph([n("Mul", ["input", "mask"], ["output"])], kind, inputs, outputs,
                                      [numpy_helper.from_array(mask, "mask")])
        else:
            graph = helper.make_graph([n("Identity", ["x"], ["y"])], kind,
                                      [helper.make_tensor_value_info("x", T.FLOAT, [None])],
                                      [helper.make_tensor_value_info("y", T.FLOAT, [None])])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.checker.check_model(model)
        onnx.save(model, path)
        """;

    /// <summary>Writes the graph of that kind for a [batch, 4, bins, frames] spectrogram into <paramref name="folder"/>.</summary>
    public static async Task<string> WriteAsync(string folder, string kind, int bins = 3072, int frames = 256, int cut = 0)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{kind}-{bins}x{frames}-{cut}.onnx");
        // Debian's python3-onnx installs for the system python, which another python3 on PATH may shadow.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var result = await new ProcessRunner().RunAsync(new ProcessRequest(python,
            ["-c", Script, kind, path, bins.ToString(), frames.ToString(), cut.ToString()]), CancellationToken.None);
        Assert.True(result.Succeeded, $"writing the {kind} test graph failed (the tests need python3-onnx: apt-get install python3-onnx): {result.StderrTail}");
        return path;
    }
}
