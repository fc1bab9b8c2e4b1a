using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Core.Tests.Tools;

public sealed class ToolInvokerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dubagent-tools-").FullName;
    private readonly ServiceProvider _services;
    private readonly ToolInvoker _invoker;
    private readonly ITool _tool;

    public ToolInvokerTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddSingleton<ITool, WriteNumberTool>();
        services.AddSingleton<IEngine>(new ProbeEngine("dsp", true));
        services.AddSingleton<IEngine>(new ProbeEngine("demucs", false));
        _services = services.BuildServiceProvider();
        _invoker = _services.GetRequiredService<ToolInvoker>();
        _tool = _invoker.Require("write_number");
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Schema_has_snake_case_properties_descriptions_required_and_engine_names()
    {
        var schema = _invoker.SchemaOf(_tool);
        var properties = schema.GetProperty("properties");
        Assert.Equal("The text to write into the output file.", properties.GetProperty("text").GetProperty("description").GetString());
        Assert.Equal(new[] { "text" }, schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var engine = properties.GetProperty("engine").GetProperty("description").GetString()!;
        Assert.Contains("Engines (in order of preference): dsp, demucs.", engine);
        Assert.StartsWith("The separate engine to use.", engine);
        Assert.Equal("very_loud", properties.GetProperty("level").GetProperty("enum").EnumerateArray().Last().GetString());
    }

    [Fact]
    public void Unknown_tool_names_the_known_ones()
    {
        var e = Assert.Throws<InputException>(() => _invoker.Require("nope"));
        Assert.Contains("write_number", e.Hint);
    }

    [Theory]
    [InlineData("""{"text": 5}""", "'text'", "a string")]
    [InlineData("""{"text": "a", "repeat": "many"}""", "'repeat'", "a whole number")]
    [InlineData("""{"text": "a", "repeat": 1.5}""", "'repeat'", "a whole number")]
    [InlineData("""{"text": "a", "upper": "yes"}""", "'upper'", "true or false")]
    [InlineData("""{"text": "a", "extra": "word"}""", "'extra'", "a list of strings")]
    [InlineData("""{"text": "a", "level": "deafening"}""", "'level'", "one of: quiet, normal, very_loud")]
    [InlineData("""{"repeat": 2}""", "'text'", "a string")]
    [InlineData("""{"text": null}""", "'text'", "a string")]
    public void Wrong_arguments_name_the_argument_and_the_expected_type(string json, string argument, string expected)
    {
        var e = Assert.Throws<InputException>(() => _invoker.Bind(_tool, Json(json)));
        Assert.Contains(argument, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unknown_argument_is_refused_with_the_list()
    {
        var e = Assert.Throws<InputException>(() => _invoker.Bind(_tool, Json("""{"text": "a", "colour": "red"}""")));
        Assert.Contains("'colour'", e.Message);
        Assert.Contains("text, repeat, scale", e.Hint);
    }

    [Fact]
    public void Pairs_are_converted_by_schema_type()
    {
        var args = _invoker.ArgumentsFromPairs(_tool, ["text=hi", "repeat=3", "scale=0.5", "upper=true", "extra=a,b", "level=very_loud"]);
        var bound = (WriteNumberArgs)_invoker.Bind(_tool, args);
        Assert.Equal(("hi", 3, 0.5, true, Loudness.VeryLoud), (bound.Text, bound.Repeat, bound.Scale, bound.Upper, bound.Level));
        Assert.Equal(["a", "b"], bound.Extra);
    }

    [Fact]
    public void Pair_with_wrong_type_names_argument()
    {
        var e = Assert.Throws<InputException>(() => _invoker.ArgumentsFromPairs(_tool, ["repeat=lots"]));
        Assert.Contains("'repeat'", e.Message);
        Assert.Contains("a whole number", e.Message);
        Assert.Throws<InputException>(() => _invoker.ArgumentsFromPairs(_tool, ["norepeat"]));
    }

    private static void AssertNamesFiniteArgument(InputException e, string argument, string value)
    {
        Assert.Equal($"The argument '{argument}' of 'write_number' must be a finite number, got {value}.", e.Message);
        Assert.Equal("A scale applied to the returned length.", e.Hint);
    }

    [Theory]
    [InlineData("1e309", "1e309")]
    [InlineData("-1e400", "-1e400")]
    [InlineData("\"NaN\"", "NaN")]
    [InlineData("\"-Infinity\"", "-Infinity")]
    public void Json_numbers_that_are_not_finite_name_the_argument(string json, string shown)
    {
        var arguments = JsonDocument.Parse($$"""{"text": "a", "scale": {{json}}}""").RootElement.Clone();
        AssertNamesFiniteArgument(Assert.Throws<InputException>(() => _invoker.Bind(_tool, arguments)), "scale", shown);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e309")]
    [InlineData("-Infinity")]
    public void Command_line_pairs_that_are_not_finite_name_the_argument(string value) =>
        AssertNamesFiniteArgument(Assert.Throws<InputException>(() => _invoker.ArgumentsFromPairs(_tool, ["text=a", $"scale={value}"])),
            "scale", value);

    [Fact]
    public void A_nan_number_node_from_an_expression_is_named_before_the_json_writer_meets_it()
    {
        var arguments = new JsonObject { ["text"] = "a", ["scale"] = double.NaN };
        AssertNamesFiniteArgument(Assert.Throws<InputException>(() => _invoker.Bind(_tool, arguments)), "scale", "NaN");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e309")]
    [InlineData(".nan")]
    [InlineData("-.inf")]
    public void Recipe_literals_that_are_not_finite_name_the_argument(string literal)
    {
        var (recipe, problems) = RecipeLoader.Parse($"name: t\nsteps:\n  - id: s\n    tool: write_number\n    with: {{ text: a, scale: {literal} }}\n", "t.yaml");
        Assert.Empty(problems);
        var arguments = StepArguments.Build(recipe!.Steps[0].With, _invoker.SchemaOf(_tool), scope: null);
        AssertNamesFiniteArgument(Assert.Throws<InputException>(() => _invoker.Bind(_tool, arguments)), "scale", literal);
    }

    [Fact]
    public void Finite_numbers_still_bind()
    {
        var fromJson = (WriteNumberArgs)_invoker.Bind(_tool, JsonDocument.Parse("""{"text": "a", "scale": 1e308}""").RootElement);
        var fromPairs = (WriteNumberArgs)_invoker.Bind(_tool, _invoker.ArgumentsFromPairs(_tool, ["text=a", "scale=-2.5e-3"]));
        Assert.Equal((1e308, -2.5e-3), (fromJson.Scale, fromPairs.Scale));
    }

    [Fact]
    public async Task Invoke_returns_typed_and_snake_case_json_and_a_summary()
    {
        var context = new ToolContext { WorkDirectory = Path.Combine(_dir, "step"), JobDirectory = _dir, Services = _services };
        var result = await _invoker.InvokeAsync("write_number", Json("""{"text": "abc", "repeat": 2, "engine": "dsp"}"""), context);
        var typed = Assert.IsType<WriteNumberResult>(result.Result);
        Assert.Equal(7, typed.Length);
        Assert.Equal("abc\nabc", File.ReadAllText(typed.OutputPath));
        Assert.Equal(7, result.Json.GetProperty("length").GetDouble());
        Assert.Equal(2, result.Json.GetProperty("line_count").GetInt32());
        var summary = ToolInvoker.Summarize(result);
        Assert.Contains("line_count: 2", summary);
        Assert.Contains("engine: dsp", summary);
        Assert.NotNull(result.RealTimeFactor);
    }
}
