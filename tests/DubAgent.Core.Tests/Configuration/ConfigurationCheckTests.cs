using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static readonly OptionsSection[] Sections = [new("Sample", typeof(SampleOptions))];

    private static IReadOnlyList<ConfigurationProblem> Problems(params (string Key, string? Value)[] entries)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();
        return ConfigurationCheck.Problems(configuration, Sections, key => $"by test ({key})");
    }

    private static ConfigurationProblem Single(params (string Key, string? Value)[] entries) => Assert.Single(Problems(entries));

    [Fact]
    public void A_valid_section_in_any_key_case_has_no_problems_and_binds()
    {
        (string, string?)[] entries =
        [
            ("Sample:Share", "0.25"), ("SAMPLE:THREADS", "4"), ("Sample:program", "/opt/sample"), ("Sample:BaseUrl", "http://localhost:8000/v1"),
            ("Sample:Folders:0", "/a"), ("Sample:Folders:1", "/b"), ("Sample:Voices", "alloy,onyx"), ("Sample:Voices:alloy", "female,0.6"),
            ("Sample:Inner:Loud", "true"), ("Sample:ApiKey", ""),
        ];
        Assert.Empty(Problems(entries));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Item1, e.Item2))).Build();
        var bound = configuration.GetOptions<SampleOptions>("Sample");
        Assert.Equal((0.25, 4, "/opt/sample", true), (bound.Share, bound.Threads, bound.Program, bound.Inner.Loud));
        Assert.Equal(["/a", "/b"], bound.Folders);
        Assert.Equal("alloy,onyx", bound.Voices!.Value);
    }

    [Fact]
    public void An_absent_section_binds_to_the_defaults() =>
        Assert.Equal(0.1, new ConfigurationBuilder().Build().GetOptions<SampleOptions>("Sample").Share);

    [Fact]
    public void Sections_no_class_declares_are_left_alone() =>
        Assert.Empty(Problems(("SomePlugin:Anything", "x"), ("Token", "t")));

    [Fact]
    public void An_unknown_key_is_named_with_where_it_was_set_and_the_valid_keys()
    {
        var problem = Single(("Sample:Nope", "1"));
        Assert.Equal("Sample:Nope", problem.Key);
        Assert.Equal("Unknown configuration key 'Sample:Nope' (set by test (Sample:Nope)).", problem.Message);
        Assert.Equal("Valid keys of Sample: ApiKey (text), BaseUrl (text, an http(s) URL), Folders (list of text), Inner (section), "
            + "Program (text, non-empty, default sample), Share (number, from 0 to 1, default 0.1), Threads (whole number, at least 1), "
            + "TokenEndpoint (text, an http(s) URL), Voices (list or map).", problem.Hint);
    }

    [Fact]
    public void A_typo_gets_the_key_it_most_likely_meant()
    {
        Assert.StartsWith("Did you mean 'Sample:Share'? Valid keys of Sample:", Single(("Sample:Shre", "0.2")).Hint);
        Assert.StartsWith("Valid keys of Sample:", Single(("Sample:Colour", "red")).Hint);
    }

    [Fact]
    public void A_computed_property_is_not_a_key() =>
        Assert.StartsWith("Unknown configuration key 'Sample:HasFolders'", Single(("Sample:HasFolders", "true")).Message);

    [Theory]
    [InlineData("Sample:Share", "abc", "'Sample:Share' must be a number, got 'abc'")]
    [InlineData("Sample:Share", "", "'Sample:Share' must be a number, got ''")]
    [InlineData("Sample:Threads", "2.5", "'Sample:Threads' must be a whole number, got '2.5'")]
    [InlineData("Sample:Inner:Loud", "loud", "'Sample:Inner:Loud' must be true or false, got 'loud'")]
    [InlineData("Sample:Share", "NaN", "'Sample:Share' must be a finite number, got 'NaN'")]
    [InlineData("Sample:Share", "1e309", "'Sample:Share' must be a finite number, got '1e309'")]
    [InlineData("Sample:Share", "-Infinity", "'Sample:Share' must be a finite number, got '-Infinity'")]
    [InlineData("Sample:Share", "1.5", "'Sample:Share' must be from 0 to 1, got '1.5'")]
    [InlineData("Sample:Threads", "0", "'Sample:Threads' must be at least 1, got '0'")]
    [InlineData("Sample:Program", " ", "'Sample:Program' must be non-empty, got ' '")]
    [InlineData("Sample:BaseUrl", "localhost:8080", "'Sample:BaseUrl' must be an http(s) URL, got 'localhost:8080'")]
    public void A_bad_value_names_the_key_and_the_value(string key, string value, string message)
    {
        var problem = Single((key, value));
        Assert.Equal(key, problem.Key);
        Assert.Equal($"{message} (set by test ({key})).", problem.Message);
        Assert.Contains("Valid keys of Sample", problem.Hint);
    }

    [Fact]
    public void A_nested_section_names_its_own_keys() =>
        Assert.Equal("Valid keys of Sample:Inner: Loud (true or false, default false).", Single(("Sample:Inner:Quiet", "true")).Hint);

    [Fact]
    public void Keys_are_named_as_the_class_spells_them_even_from_upper_case_environment_names() =>
        Assert.StartsWith("'Sample:Share' must be", Single(("SAMPLE:SHARE", "abc")).Message);

    [Fact]
    public void A_single_value_where_a_list_or_a_section_belongs_would_be_dropped_so_it_is_a_problem()
    {
        var list = Single(("Sample:Folders", "/plugins"));
        Assert.StartsWith("'Sample:Folders' is a list, not a single value (got '/plugins')", list.Message);
        Assert.StartsWith("Give its items as Sample:Folders:0=...", list.Hint);
        Assert.StartsWith("'Sample:Inner' is a section, not a single value", Single(("Sample:Inner", "loud")).Message);
        Assert.StartsWith("'Sample:Share' takes one value (number), not keys under it", Single(("Sample:Share:Min", "0")).Message);
    }

    [Fact]
    public void Secret_values_are_masked_in_the_message()
    {
        var problem = Single(("Sample:TokenEndpoint", "sk-secret"), ("Sample:Share", "0.5"));
        Assert.Equal("'Sample:TokenEndpoint' must be an http(s) URL, got '****' (set by test (Sample:TokenEndpoint)).", problem.Message);
    }

    [Fact]
    public void All_problems_are_reported_and_the_exception_gives_the_first_and_counts_the_rest()
    {
        var problems = Problems(("Sample:Nope", "1"), ("Sample:Share", "abc"), ("Sample:Threads", "-1"));
        Assert.Equal(["Sample:Nope", "Sample:Share", "Sample:Threads"], problems.Select(p => p.Key).Order());

        var e = ConfigurationCheck.ToException(problems);
        Assert.Equal(problems[0].Message, e.Message);
        Assert.EndsWith("There are 2 more configuration problems: `dubagent doctor` lists them all.", e.Hint);
        Assert.Equal(problems[0].Hint, ConfigurationCheck.ToException([problems[0]]).Hint);
    }
}
