using DubAgent.Core.Expressions;

namespace DubAgent.Core.Tests.Expressions;

public sealed class ExpressionTests
{
    private sealed class Scope(Dictionary<string, ExpressionValue> values) : IExpressionScope
    {
        public ExpressionValue Resolve(PathNode path) =>
            values.TryGetValue(path.ToString(), out var v) ? v : throw new ExpressionException($"no {path}", path.Offset);
    }

    private static readonly Scope Data = new(new()
    {
        ["inputs.budget"] = ExpressionValue.Of("low"),
        ["steps.probe.duration"] = ExpressionValue.Of(299.9),
        ["steps.probe.speech"] = ExpressionValue.Of(true),
        ["steps.probe.language"] = ExpressionValue.Null,
    });

    private static ExpressionValue Eval(string text) => ExpressionEvaluator.Evaluate(ExpressionParser.Parse(text), Data);

    [Theory]
    [InlineData("steps.probe.duration < 300 && inputs.budget == 'low'", true)]
    [InlineData("steps.probe.duration >= 300 || inputs.budget != 'low'", false)]
    [InlineData("!(steps.probe.duration > 299.9)", true)]
    [InlineData("steps.probe.duration <= 299.9", true)]
    [InlineData("!steps.probe.speech || false", false)]
    [InlineData("true && (false || steps.probe.speech)", true)]
    [InlineData("steps.probe.language == null", true)]
    [InlineData("inputs.budget == \"low\"", true)]
    [InlineData("'it''s' == \"it's\"", true)]
    [InlineData("-1 < 0", true)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("1 == '1'", false)]
    public void Evaluates_the_grammar(string text, bool expected) => Assert.Equal(expected, Eval(text).AsBoolean);

    [Fact]
    public void And_binds_tighter_than_or() =>
        Assert.True(Eval("true || false && false").AsBoolean);

    [Fact]
    public void A_path_keeps_its_type() => Assert.Equal(299.9, Eval("steps.probe.duration").AsNumber);

    [Theory]
    [InlineData("inputs.budget.ToUpper()", "cannot call", 21)]
    [InlineData("System.IO.File.Delete('x')", "cannot call", 21)]
    [InlineData("exec('rm -rf /')", "cannot call", 4)]
    [InlineData("steps.probe.duration + 1 > 300", "Arithmetic", 21)]
    [InlineData("steps.probe.duration * 2", "Arithmetic", 21)]
    [InlineData("steps.stems[0]", "Indexing", 11)]
    [InlineData("inputs.budget = 'x'", "'=' alone", 14)]
    [InlineData("a ? b : c", "'?' is not part", 2)]
    [InlineData("inputs.budget & true", "use '&&'", 14)]
    [InlineData("1 < 2 < 3", "cannot be chained", 6)]
    [InlineData("'open", "no closing quote", 0)]
    [InlineData("(true", "not closed", 5)]
    [InlineData("true false", "after a complete expression", 5)]
    [InlineData("", "empty", 0)]
    [InlineData("12abc", "not a number", 0)]
    [InlineData("`ls`", "'`' is not part", 0)]
    [InlineData("${{ x }}", "'$' is not part", 0)]
    public void Anything_beyond_the_grammar_is_refused_at_its_offset(string text, string message, int offset)
    {
        var e = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));
        Assert.Contains(message, e.Message);
        Assert.Equal(offset, e.Offset);
    }

    [Theory]
    [InlineData("steps.probe.duration && true", "needs true or false")]
    [InlineData("!inputs.budget", "needs true or false")]
    [InlineData("inputs.budget < 3", "Cannot order")]
    public void Type_mismatches_are_errors_not_guesses(string text, string message)
    {
        var e = Assert.Throws<ExpressionException>(() => Eval(text));
        Assert.Contains(message, e.Message);
    }
}
