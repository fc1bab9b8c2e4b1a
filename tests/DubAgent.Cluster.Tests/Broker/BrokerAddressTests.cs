using DubAgent.Abstractions.Errors;
using DubAgent.Cluster.Broker;

namespace DubAgent.Cluster.Tests.Broker;

public sealed class BrokerAddressTests
{
    [Fact]
    public void Credentials_are_read_but_never_shown()
    {
        var broker = BrokerAddress.From(new ClusterOptions { Broker = "amqp://dub:s%40cret@rabbit.lan:5673/studio" });

        Assert.Equal(("dub", "s@cret", "rabbit.lan", 5673, "studio", false), (broker.User, broker.Password, broker.Host, broker.Port, broker.VirtualHost, broker.Tls));
        Assert.Equal("amqp://rabbit.lan:5673/studio", broker.Display);
        Assert.DoesNotContain("cret", broker.ToString());
    }

    [Fact]
    public void The_password_setting_wins_over_the_url_and_amqps_means_tls_on_5671()
    {
        var broker = BrokerAddress.From(new ClusterOptions { Broker = "amqps://dub@rabbit.lan/", BrokerPassword = "from-env" });

        Assert.Equal(("dub", "from-env", 5671, "/", true), (broker.User, broker.Password, broker.Port, broker.VirtualHost, broker.Tls));
        Assert.Equal("amqps://rabbit.lan:5671/", broker.Display);
    }

    [Fact]
    public void Without_credentials_the_broker_default_guest_login_is_used()
    {
        var broker = BrokerAddress.From(new ClusterOptions { Broker = "amqp://localhost" });

        Assert.Equal(("guest", "guest", 5672), (broker.User, broker.Password, broker.Port));
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("  ", "is not set")]
    [InlineData("http://rabbit.lan/", "is not an amqp:// or amqps:// URL")]
    [InlineData("rabbit.lan:5672", "is not an amqp:// or amqps:// URL")]
    public void A_missing_or_wrong_url_names_the_setting_and_how_to_set_it(string? url, string problem)
    {
        var error = Assert.Throws<InputException>(() => BrokerAddress.From(new ClusterOptions { Broker = url }));

        Assert.StartsWith("Cluster:Broker ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("--config Cluster:Broker=amqp://", error.Hint);
    }
}
