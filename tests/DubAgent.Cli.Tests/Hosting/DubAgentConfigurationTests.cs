using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Support;

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
    public void A_config_flag_without_a_value_is_ignored_here_and_left_to_the_parser()
    {
        var configuration = DubAgentConfiguration.Build(["doctor", "--config"], Path.GetTempPath());
        Assert.Null(configuration["doctor"]);
    }
}
