using System.Diagnostics;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using DubAgent.Engines.Separation.Mdx;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// One hour through the MDX-Net windows (<see cref="MdxWindowedSeparator"/>) to show that memory does not grow with the
/// length: the real model when the store has it, else a graph of the real model's input and output that returns its
/// input (written with Debian's python3-onnx), which measures the transforms, windows and writing, not the network.
/// </summary>
public static class MdxHourRun
{
    private const string IdentityGraph = """
        import sys
        import onnx
        from onnx import helper, TensorProto as T
        shape = ["batch", 4, int(sys.argv[2]), int(sys.argv[3])]
        graph = helper.make_graph([helper.make_node("Identity", ["input"], ["output"])], "identity",
                                  [helper.make_tensor_value_info("input", T.FLOAT, shape)],
                                  [helper.make_tensor_value_info("output", T.FLOAT, shape)])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.save(model, sys.argv[1])
        """;

    public static async Task<BenchRow> RunAsync(BenchContext context, string hourWav, string stage)
    {
        var model = MdxModels.Find(MdxModels.DefaultId)!;
        var folder = Path.GetDirectoryName(hourWav)!;
        var path = context.Services.GetService<IModelStore>()?.Find(model.Id);
        var what = path is null ? $"identity graph of {model.Id}'s shapes (no model here: transforms, windows and writing only)" : model.Id;
        path ??= await WriteIdentityGraphAsync(folder, model.Layout, context.CancellationToken).ConfigureAwait(false);

        var at44 = Path.Combine(folder, "hour-44k.wav");
        await context.Services.GetRequiredService<AudioExtractor>().ExtractAsync(hourWav, at44, MdxLayout.SampleRate, 2, SampleEncoding.Pcm16,
            null, context.CancellationToken).ConfigureAwait(false);
        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        MdxSeparation separation;
        // The peak after the first tenth of the hour against the peak after all of it: flat memory keeps them equal.
        double? firstTenth = null;
        var progress = new Watch(p => { if (p.Fraction >= 0.1) firstTenth ??= memory.PeakMegabytes; });
        using (var network = MdxNetwork.Load(path, model.Layout, Environment.ProcessorCount))
            separation = new MdxWindowedSeparator(network, model.Layout, 0.25)
                .Separate(at44, Path.Combine(folder, "hour-vocals.wav"), model.OutputIsVocals, progress, context.CancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var file in Directory.GetFiles(folder, "hour-*.wav")) File.Delete(file);
        return new BenchRow(stage, "mdx", seconds / separation.Seconds,
            $"one hour ({separation.Windows} windows): working set {memory.Describe()}; peak after the first 6 minutes {firstTenth:0} MB",
            new Dictionary<string, double>
            {
                ["hour_peak_mb"] = memory.PeakMegabytes,
                ["first_tenth_peak_mb"] = firstTenth ?? 0,
                ["hour_rise_mb"] = memory.PeakMegabytes - memory.StartMegabytes,
                ["media_seconds"] = separation.Seconds,
                ["windows"] = separation.Windows,
            },
            what);
    }

    /// <summary>Calls back on the reporting thread, at once.</summary>
    private sealed class Watch(Action<ProgressUpdate> onReport) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => onReport(value);
    }

    private static async Task<string> WriteIdentityGraphAsync(string folder, MdxLayout layout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "mdx-identity.onnx");
        // Debian's python3-onnx installs for the system python, which another python3 on PATH may shadow.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var result = await new ProcessRunner().RunAsync(new ProcessRequest(python,
            ["-c", IdentityGraph, path, layout.Bins.ToString(), layout.Frames.ToString()]), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new InvalidOperationException($"writing the identity graph needs python3-onnx (apt-get install python3-onnx): {result.StderrTail}");
        return path;
    }
}
