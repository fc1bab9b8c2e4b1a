using DubAgent.Core.Processes;

namespace DubAgent.Engines.Tests.Support;

/// <summary>Runs a python3-onnx script that writes one test graph (`script KIND PATH`) to FILE_NAME in the folder and returns its path.</summary>
internal static class OnnxGraphWriter
{
    public static async Task<string> WriteAsync(string folder, string fileName, string kind, string script)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        // Debian's python3-onnx installs for the system python, which another python3 on PATH may shadow.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var result = await new ProcessRunner().RunAsync(new ProcessRequest(python, ["-c", script, kind, path]), CancellationToken.None);
        Assert.True(result.Succeeded, $"writing the {kind} test graph failed (the tests need python3-onnx: apt-get install python3-onnx): {result.StderrTail}");
        return path;
    }
}
