using DubAgent.Cli.Doctor;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cluster.Tests.Broker;

/// <summary>The broker's password, given inside Cluster:Broker or on its own, never shows in `dubagent doctor`.</summary>
public sealed class BrokerPasswordTests
{
    [Theory]
    [InlineData("amqp://dub:hunter2@rabbit:5672/studio", "amqp://dub:****@rabbit:5672/studio")]
    [InlineData("amqp://dub@rabbit/", "amqp://dub@rabbit/")]
    [InlineData("plain text: a value", "plain text: a value")]
    public void A_url_password_is_masked_and_other_values_are_kept(string value, string shown) =>
        Assert.Equal(shown, ConfigurationView.WithoutUrlPassword(value));

    [Fact]
    public async Task Doctor_shows_the_broker_without_its_password()
    {
        var run = await CliRun.InProcessAsync("doctor", "--json", "--config", "Cluster:Broker=amqp://dub:hunter2@rabbit:5672/",
            "--config", "Cluster:BrokerPassword=swordfish");

        Assert.Contains("amqp://dub:****@rabbit:5672/", run.Stdout);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr);
        Assert.DoesNotContain("swordfish", run.Stdout + run.Stderr);
    }
}
