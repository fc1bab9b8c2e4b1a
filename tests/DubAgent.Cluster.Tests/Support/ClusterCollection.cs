using DubAgent.Cli.Tests.Demo;

namespace DubAgent.Cluster.Tests.Support;

/// <summary>The broker tests run one after another: they share the broker's queues and the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<LocalBroker>, ICollectionFixture<DemoFixture>
{
    public const string Name = "cluster";
}
