using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation;
using DubAgent.Engines.Translation.Checks;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>The kernel functions' answers, called directly: what the model reads back when it calls them.</summary>
public sealed class DubbingChecksTests
{
    private static DubbingChecks Checks(string address = "informal", Dictionary<string, string>? glossary = null, List<string>? names = null)
    {
        var run = new CheckContext(new TranslationRequest(DialogueFixture.Transcript(), "es", glossary, names));
        run.Profiles = [new SpeakerProfile { Speaker = "SPEAKER_00", Register = "casual", Address = address }, new SpeakerProfile { Speaker = "SPEAKER_01", Address = "formal" }];
        return new DubbingChecks(run);
    }

    [Fact]
    public void Measure_line_says_over_by_how_much_and_fits_with_room_to_spare()
    {
        var checks = Checks();
        var over = checks.MeasureLine("seg_0001", PlannerScript.Syllables(60));
        Assert.StartsWith("too long: over by", over.Verdict);
        Assert.Equal(60 - over.BudgetSyllables, over.OverBySyllables);
        Assert.InRange(over.SpeakerPace, SpeakerPace.Slowest, SpeakerPace.Fastest);

        var fits = checks.MeasureLine("seg_0001", "Buenos días.");
        Assert.StartsWith("fits", fits.Verdict);
        Assert.True(fits.OverBySyllables < 0);
        Assert.Throws<ArgumentException>(() => checks.MeasureLine("seg_9999", "x"));
    }

    [Fact]
    public void A_fast_talker_gets_more_syllables_than_a_slow_one_for_the_same_slot()
    {
        var transcript = new Transcript
        {
            Language = "en",
            Segments =
            [
                new TranscriptSegment { Id = "a", Speaker = "FAST", Start = 0, End = 1, Text = "It is a wonderful opportunity indeed" },
                new TranscriptSegment { Id = "b", Speaker = "SLOW", Start = 1, End = 4, Text = "Yes" },
            ],
        };
        var paces = SpeakerPace.Measure(transcript);
        Assert.Equal(SpeakerPace.Fastest, paces["FAST"]);
        Assert.Equal(SpeakerPace.Slowest, paces["SLOW"]);
    }

    [Fact]
    public void Terms_a_line_needs_are_listed_and_a_candidate_that_lost_one_is_told_which()
    {
        var checks = Checks(glossary: new() { ["map"] = "plano" }, names: ["Good"]);
        Assert.Equal([("map", "glossary"), ("Good", "keep")], checks.GlossaryTerms("seg_0001").Select(t => (t.Term, t.Kind)).OrderBy(t => t.Item2));
        var lost = checks.CheckTerms("seg_0001", "Buen día. ¿Traes el mapa?");
        Assert.False(lost.Kept);
        Assert.Equal(["Good", "plano"], lost.Missing.Order());
        Assert.True(checks.CheckTerms("seg_0001", "Good, ¿traes el plano?").Kept);
        Assert.Empty(checks.GlossaryTerms("seg_0002"));
    }

    [Fact]
    public void The_form_of_address_is_checked_against_the_speakers_profile()
    {
        var checks = Checks(address: "informal");
        Assert.Contains("consistent", checks.CheckRegister("seg_0001", "¿Trajiste tú el mapa?").Verdict);
        Assert.Contains("formal usted", checks.CheckRegister("seg_0001", "¿Trajo usted el mapa?").Verdict);
        // SPEAKER_01 is formal: tú is reported.
        Assert.Contains("informal tú", checks.CheckRegister("seg_0002", "Sí, tú lo tienes aquí.").Verdict);
    }

    [Fact]
    public void Neighbour_lines_carry_the_translations_made_so_far()
    {
        var run = new CheckContext(new TranslationRequest(DialogueFixture.Transcript(), "es"));
        run.Translated("seg_0001", "Buenos días.");
        var around = new DubbingChecks(run).NeighbourLines("seg_0002", 1);
        Assert.Equal(["seg_0001", "seg_0002", "seg_0003"], around.Select(l => l.Id));
        Assert.Equal("Buenos días.", around[0].Translation);
        Assert.Null(around[2].Translation);
        Assert.Equal(1, run.Calls["neighbour_lines"]);
    }

    [Fact]
    public void A_glossary_file_is_json_or_lines_and_the_calls_entries_win()
    {
        var folder = Directory.CreateTempSubdirectory("dubagent-glossary-").FullName;
        try
        {
            var text = Path.Combine(folder, "g.txt");
            File.WriteAllText(text, "# terms\nStarship = Nave Estelar\nmap = mapa\nACME\n");
            var merged = GlossaryFile.Merge(text, new Dictionary<string, string> { ["map"] = "plano" }, ["Maria"]);
            Assert.Equal("Nave Estelar", merged.Glossary["Starship"]);
            Assert.Equal("plano", merged.Glossary["map"]);
            Assert.Equal(["ACME", "Maria"], merged.DoNotTranslate);

            var json = Path.Combine(folder, "g.json");
            File.WriteAllText(json, """{"glossary": {"lake": "lago"}, "do_not_translate": ["Bob"]}""");
            Assert.Equal(("lago", "Bob"), (GlossaryFile.Merge(json, null, null).Glossary["lake"], GlossaryFile.Merge(json, null, null).DoNotTranslate[0]));

            File.WriteAllText(json, """{"glossary": """);
            Assert.Contains("not valid JSON", Assert.Throws<InputException>(() => GlossaryFile.Merge(json, null, null)).Message);
            File.WriteAllText(text, "lake =\n");
            Assert.Contains("without a term or a translation", Assert.Throws<InputException>(() => GlossaryFile.Merge(text, null, null)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
