using System.Runtime.Loader;
using System.Text.Json;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Core.Plugins;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Core.Tests.Plugins;

public class PluginLoaderTests(PluginFolderFixture plugins) : IClassFixture<PluginFolderFixture>
{
    private static (ServiceProvider Services, PluginCatalog Catalog) Host(params string[] folders)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDubAgentCore();
        var catalog = new PluginLoader(NullLogger.Instance).LoadInto(services, folders);
        return (services.BuildServiceProvider(), catalog);
    }

    [Fact]
    public void The_sample_plugin_adds_its_tools_with_its_own_dependencies()
    {
        var (services, catalog) = Host(plugins.FolderWith(plugins.BeatSync));

        var loaded = Assert.Single(catalog.Loaded);
        Assert.Empty(catalog.Failed);
        Assert.Equal(["detect_beats", "suggest_cuts"], loaded.Tools.Order());
        var registry = services.GetRequiredService<IToolRegistry>();
        var tool = registry.Find("detect_beats");
        Assert.NotNull(tool);
        // The plugin's MathNet.Numerics comes from the plugin's folder, in the plugin's own load context.
        var context = AssemblyLoadContext.GetLoadContext(tool.GetType().Assembly);
        Assert.IsType<PluginLoadContext>(context);
        var mathNet = context!.LoadFromAssemblyName(new System.Reflection.AssemblyName("MathNet.Numerics"));
        Assert.StartsWith(Path.GetDirectoryName(loaded.AssemblyPath)!, mathNet.Location);
        // The contract is shared with the host, or the plugin's ITool would not be the host's ITool.
        Assert.Same(typeof(ITool).Assembly, context.LoadFromAssemblyName(typeof(ITool).Assembly.GetName()));
    }

    [Fact]
    public async Task A_plugin_tool_runs_through_the_same_invoker_as_built_in_tools()
    {
        var (services, _) = Host(plugins.FolderWith(plugins.BeatSync));
        var work = Path.Combine(plugins.Root, $"job-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var song = Path.Combine(work, "clicks.wav");
        // 120 BPM: a 10 ms 1 kHz click every half second, for 12 s.
        var ffmpeg = await new DubAgent.Core.Processes.ProcessRunner().RunAsync(new DubAgent.Core.Processes.ProcessRequest("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t,0.5),0.01),sin(2*PI*1000*t),0)':s=22050:d=12", song]),
            CancellationToken.None);
        Assert.True(ffmpeg.Succeeded, ffmpeg.StderrTail);

        var invoker = services.GetRequiredService<ToolInvoker>();
        var tool = services.GetRequiredService<IToolRegistry>().Find("detect_beats")!;
        var context = new ToolContext { WorkDirectory = work, JobDirectory = work, Services = services };
        var arguments = invoker.Bind(tool, JsonDocument.Parse($$"""{"input": {{JsonSerializer.Serialize(song)}}}""").RootElement);
        var result = await invoker.InvokeAsync(tool, arguments, context);

        var json = result.Json;
        Assert.InRange(json.GetProperty("tempo").GetDouble(), 118, 122);
        Assert.True(File.Exists(json.GetProperty("beats_path").GetString()));
    }

    [Fact]
    public void A_clashing_tool_name_is_refused_naming_both_sources_and_the_rest_loads()
    {
        var (services, catalog) = Host(plugins.FolderWith(plugins.BeatSync, plugins.Clashing));

        var registry = services.GetRequiredService<IToolRegistry>();
        Assert.Single(registry.All, t => t.Name == "detect_beats");
        Assert.NotNull(registry.Find("clashing_free_tool"));
        var refusal = Assert.Single(catalog.Failed);
        Assert.Contains("detect_beats", refusal.Reason);
        Assert.Contains("ClashingPlugin", refusal.Reason);
        Assert.Contains("DubAgent.Plugins.BeatSync", refusal.Reason);
        Assert.Contains("refused", refusal.Reason);
    }

    [Fact]
    public void A_plugin_with_a_missing_dependency_is_skipped_and_the_host_keeps_running()
    {
        var (services, catalog) = Host(plugins.FolderWith(plugins.BrokenDependency, plugins.BeatSync));

        var failure = Assert.Single(catalog.Failed);
        Assert.EndsWith("BrokenDependencyPlugin.dll", failure.AssemblyPath);
        Assert.Contains("BrokenDependencyLib", failure.Reason);
        var registry = services.GetRequiredService<IToolRegistry>();
        Assert.Null(registry.Find("broken_greet"));
        Assert.NotNull(registry.Find("detect_beats"));
    }

    [Fact]
    public void A_plugin_built_against_another_contract_version_is_refused_with_the_version_it_needs()
    {
        var (services, catalog) = Host(plugins.FolderWith(plugins.OtherContract));

        var failure = Assert.Single(catalog.Failed);
        Assert.Contains("DubAgent.Abstractions 2.0", failure.Reason);
        Assert.Contains("this host provides 1.0", failure.Reason);
        Assert.Contains("Rebuild", failure.Reason);
        Assert.Empty(catalog.Loaded);
        Assert.NotNull(services.GetRequiredService<IToolRegistry>());
    }

    [Fact]
    public void Folders_that_do_not_exist_are_searched_without_error()
    {
        var (_, catalog) = Host(Path.Combine(plugins.Root, "no-such-folder"));

        Assert.Empty(catalog.Loaded);
        Assert.Empty(catalog.Failed);
    }
}
