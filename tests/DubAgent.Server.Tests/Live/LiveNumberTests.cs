using DubAgent.Core.Processes;
using DubAgent.Core.Registry;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Server.Live.Translation;

namespace DubAgent.Server.Tests.Live;

/// <summary>Live lines get the target's number separators as batch translation does (the real apertium, eng-spa).</summary>
public sealed class LiveNumberTests
{
    [Fact]
    public async Task A_thousand_from_English_is_written_the_Spanish_way()
    {
        var folder = Directory.CreateTempSubdirectory("dubagent-live-numbers-").FullName;
        try
        {
            await using var translator = new LiveTranslator(new EngineRegistry([new ApertiumTranslator(new ProcessRunner())]),
                ApertiumTranslator.EngineName, folder);
            var line = await translator.TranslateAsync("It costs 1,000 dollars.", "en", "es", CancellationToken.None);
            Assert.Contains("1.000", line);
            Assert.DoesNotContain("1,000", line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
