using System.Text.Json.Nodes;
using DubAgent.Engines.Translation.Timing;
using DubAgent.Server.Review;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Review;

/// <summary>A review edit re-measures the line as the translator does, so fit_ratio and the over-budget flag follow the new words.</summary>
public sealed class TranslationReviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_edited_line_gets_the_translators_fit_and_loses_the_over_budget_flag_when_it_now_fits()
    {
        var path = Write("""
            { "source_language": "en", "target_language": "es", "segments": [
              { "id": "s1", "start": 0, "end": 2, "text": "Go now, quickly, before they come back.",
                "target_text": "Vete ahora mismo, rápido, antes de que vuelvan todos ellos aquí.", "budget_seconds": 2, "fit_ratio": 1.9,
                "estimated_seconds": 3.8, "engine": "apertium", "flag": "fallback to apertium; over budget: about 3.8 s of speech for a 2.0 s slot (fit 1.90)" },
              { "id": "s2", "start": 2, "end": 3, "text": "Yes.", "target_text": "Sí.", "budget_seconds": 1, "fit_ratio": 0.3 } ] }
            """);

        var changed = TranslationReview.Apply(path, new Dictionary<string, string> { ["s1"] = "Vete ya." });

        Assert.Equal(1, changed);
        var line = Segment(path, "s1");
        var expected = SegmentFit.Measure(0, 2, "Vete ya.", "es");
        Assert.Equal(expected.FitRatio, (double)line["fit_ratio"]!);
        Assert.Equal(expected.EstimatedSeconds, (double)line["estimated_seconds"]!);
        Assert.True(expected.WithinBudget);
        Assert.Equal("fallback to apertium", (string?)line["flag"]);
        Assert.Contains("edited in review", line["notes"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(0.3, (double)Segment(path, "s2")["fit_ratio"]!);
    }

    [Fact]
    public void An_edit_that_still_overflows_is_flagged_with_its_new_figures()
    {
        var path = Write("""
            { "source_language": "en", "target_language": "es", "segments": [
              { "id": "s1", "start": 0, "end": 0.5, "text": "Go.", "target_text": "Vete.", "budget_seconds": 0.5, "fit_ratio": 0.9 } ] }
            """);

        TranslationReview.Apply(path, new Dictionary<string, string> { ["s1"] = "Vete ahora mismo de aquí, por favor, rápidamente." });

        var line = Segment(path, "s1");
        var expected = SegmentFit.Measure(0, 0.5, "Vete ahora mismo de aquí, por favor, rápidamente.", "es");
        Assert.True(expected.FitRatio > SegmentFit.Tolerance);
        Assert.Equal(expected.FitRatio, (double)line["fit_ratio"]!);
        Assert.StartsWith("over budget:", (string?)line["flag"]);
        Assert.Single(TranslationReview.LinesToReview(TranslationReview.Load(path)));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_temp.Sub("review"), "translation.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JsonNode Segment(string path, string id) =>
        JsonNode.Parse(File.ReadAllText(path))!["segments"]!.AsArray().Single(s => (string?)s!["id"] == id)!;
}
