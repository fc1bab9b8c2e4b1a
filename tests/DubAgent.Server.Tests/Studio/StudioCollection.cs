namespace DubAgent.Server.Tests.Studio;

/// <summary>The studio tests share one server process and one browser (each starting them would cost a minute).</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioServer>
{
    public const string Name = "studio";
}
