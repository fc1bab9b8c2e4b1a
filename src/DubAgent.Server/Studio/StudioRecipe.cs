using System.Globalization;
using DubAgent.Core.Pipelines;
using YamlDotNet.RepresentationModel;

namespace DubAgent.Server.Studio;

/// <summary>
/// The shipped `dub` recipe with the studio's choices written into it: the mixing panel's values become the mix step's
/// arguments, the subtitles step writes both languages and a chosen engine replaces a stage's routing. The result is an ordinary recipe file in the job folder,
/// so the run, its cache and its record are those of any recipe run (and `dubagent run` can replay it).
/// </summary>
public static class StudioRecipe
{
    public const string FileName = "studio-dub.yaml";

    public static string Write(string shippedDub, DubRequest request, string? musicPath, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        Edit(shippedDub, path, root =>
        {
            root.Children[new YamlScalarNode("description")] = new YamlScalarNode("The dub recipe with the choices made in the studio.");
            foreach (var (id, step) in Steps(root))
            {
                if (request.Engines.TryGetValue(id, out var engine))
                    step.Children[new YamlScalarNode("engine")] = new YamlMappingNode(new YamlScalarNode("use"), new YamlScalarNode(engine));
                if (id == "mix") AddMixing(With(step), request, musicPath);
                // Subtitles of both languages: export ships every file write_subtitles made (named .xx.srt/.xx.vtt).
                if (id == "subtitles") With(step).Children[new YamlScalarNode("text")] = new YamlScalarNode("both");
            }
        });
        return path;
    }

    /// <summary>Casts <paramref name="voice"/> for <paramref name="speaker"/> in a studio recipe's synthesize step.</summary>
    public static void SetVoice(string recipe, string speaker, string voice)
    {
        if (Path.GetFileName(recipe) != FileName)
            throw new StudioRefusal("Voices can be changed here only for dubs started in the studio (their recipe is the job's studio-dub.yaml).");
        Edit(recipe, recipe, root =>
        {
            var synthesize = Steps(root).FirstOrDefault(s => s.Id == "synthesize").Step
                             ?? throw new StudioRefusal("This job's recipe has no synthesize step.");
            var with = With(synthesize);
            if (!with.Children.TryGetValue(new YamlScalarNode("voices"), out var cast) || cast is not YamlMappingNode)
                with.Children[new YamlScalarNode("voices")] = cast = new YamlMappingNode();
            ((YamlMappingNode)cast).Children[new YamlScalarNode(speaker)] = new YamlScalarNode(voice) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
        });
    }

    /// <summary>Loads a recipe, changes it and saves it whole (temporary name, then rename).</summary>
    private static void Edit(string source, string target, Action<YamlMappingNode> change)
    {
        // The recipe's ${{ }} expressions are not YAML: hidden behind placeholders to parse, put back before saving.
        var mask = ExpressionMask.Apply(File.ReadAllText(source), source);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(mask.Masked));
        change((YamlMappingNode)yaml.Documents[0].RootNode);
        foreach (var scalar in yaml.Documents[0].AllNodes.OfType<YamlScalarNode>().Where(n => n.Value?.Contains("$E", StringComparison.Ordinal) == true))
        {
            var parts = mask.Split(scalar.Value!).ToList();
            if (parts.All(p => p.Expression is null)) continue;
            scalar.Value = string.Concat(parts.Select(p => p.Expression is { } e ? "${{" + e.Text + "}}" : p.Literal));
            scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        }
        var temporary = target + ".partial";
        using (var writer = File.CreateText(temporary)) yaml.Save(writer, assignAnchors: false);
        File.Move(temporary, target, overwrite: true);
    }

    private static IEnumerable<(string Id, YamlMappingNode Step)> Steps(YamlMappingNode root) =>
        ((YamlSequenceNode)root.Children[new YamlScalarNode("steps")]).Children.OfType<YamlMappingNode>()
        .Select(step => (((YamlScalarNode)step.Children[new YamlScalarNode("id")]).Value ?? "", step));

    private static YamlMappingNode With(YamlMappingNode step)
    {
        if (!step.Children.TryGetValue(new YamlScalarNode("with"), out var with) || with is not YamlMappingNode mapping)
            step.Children[new YamlScalarNode("with")] = mapping = new YamlMappingNode();
        return mapping;
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
