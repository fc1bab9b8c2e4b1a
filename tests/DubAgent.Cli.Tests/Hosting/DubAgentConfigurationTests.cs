using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Configuration;
using DubAgent.Engines;
using DubAgent.Engines.Diarization;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Tests.Hosting;

public sealed class DubAgentConfigurationTests
{
    [Fact]
    public void Working_folder_json_then_environment_then_command_line_each_override_the_one_before()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["dubagent.json"], """{ "ConfTest": { "A": "json", "B": "json", "C": "json", "D": "json" } }""");
        Environment.SetEnvironmentVariable("DUBAGENT_CONFTEST__B", "env");
        Environment.SetEnvironmentVariable("DUBAGENT_CONFTEST__C", "env");

        var configuration = DubAgentConfiguration.Build(["doctor", "--config", "ConfTest:C=cli", "--config=ConfTest:D=cli=with=equals"], folder.Path);

        Assert.Equal("json", configuration["ConfTest:A"]);
        Assert.Equal("env", configuration["ConfTest:B"]);
        Assert.Equal("cli", configuration["ConfTest:C"]);
        Assert.Equal("cli=with=equals", configuration["ConfTest:D"]);
    }

    [Fact]
    public void The_serve_token_comes_from_server_token_else_from_the_dubagent_token_variable()
    {
        using var folder = new TempFolder();
        // DUBAGENT_TOKEN is the top-level key "Token"; --config stands in for it here so no variable leaks to other tests.
        var fromVariable = DubAgentConfiguration.Build(["serve", "--config", "Token=from-variable"], folder.Path);
        Assert.Equal("from-variable", ServerOptions.From(fromVariable).Token);

        var both = DubAgentConfiguration.Build(["serve", "--config", "Token=from-variable", "--config", "Server:Token=from-section"], folder.Path);
        Assert.Equal("from-section", ServerOptions.From(both).Token);

        Assert.Null(ServerOptions.From(DubAgentConfiguration.Build(["serve"], folder.Path)).Token);
    }

    [Fact]
    public void A_config_flag_without_a_value_is_ignored_here_and_left_to_the_parser()
    {
        var configuration = DubAgentConfiguration.Build(["doctor", "--config"], Path.GetTempPath());
        Assert.Null(configuration["doctor"]);
    }

    [Fact]
    public void Known_sections_from_json_environment_and_command_line_pass_the_check_and_bind_in_order()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["dubagent.json"], """{ "Mfcc": { "StopDistance": 0.5, "MinClusterShare": 0.3 }, "Llm": { "Model": "json-model" } }""");
        // The default value: other tests of this process see no change.
        Environment.SetEnvironmentVariable("DUBAGENT_MFCC__STOPDISTANCE", "2");
        try
        {
            string[] args = ["doctor", "--config", "Mfcc:MinClusterShare=0.2"];
            var configuration = DubAgentConfiguration.Build(args, folder.Path);
            using var services = new ServiceCollection().AddEngineOptionsSections().BuildServiceProvider();

            Assert.Empty(ConfigurationCheck.Problems(configuration, services.GetServices<OptionsSection>()));
            Assert.Empty(DubAgentConfiguration.CommandLineProblems(args));
            var mfcc = MfccOptions.From(configuration);
            Assert.Equal((2.0, 0.2), (mfcc.StopDistance, mfcc.MinClusterShare));
            Assert.Equal("in " + folder["dubagent.json"], DubAgentConfiguration.SourceOf(configuration, "Llm:Model"));
            Assert.Equal("by DUBAGENT_MFCC__STOPDISTANCE", DubAgentConfiguration.SourceOf(configuration, "Mfcc:StopDistance"));
            Assert.Equal("by --config", DubAgentConfiguration.SourceOf(configuration, "Mfcc:MinClusterShare"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DUBAGENT_MFCC__STOPDISTANCE", null);
        }
    }

    [Fact]
    public void Config_entries_that_set_nothing_are_problems_and_are_not_added()
    {
        string[] args = ["tools", "--config", "Foo", "--config=", "--config", "Mfcc:=1", "--config", ":Mfcc=1", "--config", "Llm:Model="];
        var problems = DubAgentConfiguration.CommandLineProblems(args);
        Assert.Equal(["Foo", "", "Mfcc:=1", ":Mfcc=1"], problems.Select(p => p.Key));
        Assert.All(problems, p => Assert.Equal("Write --config Section:Key=Value, e.g. --config Llm:Model=gpt-4o-mini.", p.Hint));

        var configuration = DubAgentConfiguration.Build(args, Path.GetTempPath());
        Assert.Equal("", configuration["Llm:Model"]);
        Assert.Null(configuration["Mfcc:"]);
    }
}
