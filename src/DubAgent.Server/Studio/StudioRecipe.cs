using System.Globalization;
using DubAgent.Core.Pipelines;
using YamlDotNet.RepresentationModel;

namespace DubAgent.Server.Studio;

/// <summary>
/// The shipped `dub` recipe with the studio's choices written into it: the mixing panel's values become the mix step's
/// arguments and a chosen engine replaces a stage's routing. The result is an ordinary recipe file in the job folder,
/// so the run, its cache and its record are those of any recipe run (and `dubagent run` can replay it).
/// </summary>
public static class StudioRecipe
{
    public const string FileName = "studio-dub.yaml";

    public static string Write(string shippedDub, DubRequest request, string? musicPath, string folder)
    {
        // The recipe's ${{ }} expressions are not YAML: hidden behind placeholders to parse, put back before saving.
        var mask = ExpressionMask.Apply(File.ReadAllText(shippedDub), shippedDub);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(mask.Masked));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        root.Children[new YamlScalarNode("description")] = new YamlScalarNode("The dub recipe with the choices made in the studio.");
        var steps = (YamlSequenceNode)root.Children[new YamlScalarNode("steps")];
        foreach (var step in steps.Children.OfType<YamlMappingNode>())
        {
            var id = ((YamlScalarNode)step.Children[new YamlScalarNode("id")]).Value;
            if (id is not null && request.Engines.TryGetValue(id, out var engine))
                step.Children[new YamlScalarNode("engine")] = new YamlMappingNode(new YamlScalarNode("use"), new YamlScalarNode(engine));
            if (id == "mix") AddMixing((YamlMappingNode)step.Children[new YamlScalarNode("with")], request, musicPath);
        }
        foreach (var scalar in yaml.Documents[0].AllNodes.OfType<YamlScalarNode>().Where(n => n.Value?.Contains("$E", StringComparison.Ordinal) == true))
        {
            var parts = mask.Split(scalar.Value!).ToList();
            if (parts.All(p => p.Expression is null)) continue;
            scalar.Value = string.Concat(parts.Select(p => p.Expression is { } e ? "${{" + e.Text + "}}" : p.Literal));
            scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        }
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".partial";
        using (var writer = File.CreateText(temporary)) yaml.Save(writer, assignAnchors: false);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static void AddMixing(YamlMappingNode with, DubRequest request, string? musicPath)
    {
        // The seed's "original audio" is the bed: the original on the plain route, the background stem when separated.
        var original = request.IncludeOriginal ? request.OriginalVolume : 0;
        Set(with, "original_volume", original);
        Set(with, "background_volume", original);
        Set(with, "voice_volume", request.VoiceVolume);
        Set(with, "music_volume", request.MusicVolume);
        Set(with, "duck_depth_db", request.Ducking ? request.DuckDepthDb : 0);
        with.Children[new YamlScalarNode("loudness")] = new YamlScalarNode(request.Loudness);
        if (request.LoudnessTargetLufs is { } lufs) Set(with, "loudness_target_lufs", lufs);
        if (musicPath is not null)
            with.Children[new YamlScalarNode("music")] = new YamlScalarNode(musicPath) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
    }

    private static void Set(YamlMappingNode with, string name, double value) =>
        with.Children[new YamlScalarNode(name)] = new YamlScalarNode(value.ToString("0.###", CultureInfo.InvariantCulture));
}
