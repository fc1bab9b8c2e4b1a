using DubAgent.Engines.Translation;
using DubAgent.Engines.Translation.Llm;

namespace DubAgent.Engines.Tests.Translating;

public sealed class JsonAnswerReaderTests
{
    [Theory]
    [InlineData("""{"segments":[{"id":"seg_0001","speaker":"SPEAKER_00","text":"Hola"}]}""")]
    [InlineData("Sure!\n```json\n{\"segments\":[{\"id\":\"seg_0001\",\"speaker\":\"SPEAKER_00\",\"text\":\"Hola\",},]}\n```")]
    [InlineData("""[{"id":"seg_0001","speaker":"SPEAKER_00","text":"Hola"}]""")]
    [InlineData("{“segments”:[{“id”:“seg_0001”,“speaker”:“SPEAKER_00”,“text”:“Hola”}]}")]
    public void Reads_and_repairs_common_answer_shapes(string answer)
    {
        var parsed = JsonAnswerReader.TryRead<PlannerAnswer>(answer, out var problem);
        Assert.Null(problem);
        var line = Assert.Single(parsed!.Segments);
        Assert.Equal(("seg_0001", "SPEAKER_00", "Hola"), (line.Id, line.Speaker, line.Text));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("I would rather not.", "no JSON")]
    [InlineData("{\"segments\": [{\"id\": \"seg_0001\", \"text\": \"Hol", "did not parse")]
    public void Says_what_is_wrong_with_an_unreadable_answer(string answer, string expected)
    {
        Assert.Null(JsonAnswerReader.TryRead<PlannerAnswer>(answer, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Protected_terms_become_tokens_and_come_back_as_names_or_glossary_translations()
    {
        var protector = new TermProtector(new Dictionary<string, string> { ["map"] = "plano", ["New York"] = "Nueva York" }, ["New York Times", "Hope"]);
        var (text, tokens) = protector.Protect("Hope read the New York Times in New York with a Map, hopeful.");
        Assert.DoesNotContain("Hope ", text);
        Assert.Contains("hopeful", text); // whole words only
        Assert.Equal(4, tokens.Count);
        var back = TermProtector.Restore(text.ToLowerInvariant(), tokens); // tokens survive a change of case
        Assert.Equal("Hope read the New York Times in Nueva York with a plano, hopeful.", back);
    }
}
