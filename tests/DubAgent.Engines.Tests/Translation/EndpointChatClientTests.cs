using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>Microsoft.Extensions.AI.OpenAI's IChatClient with the error mapping, and the reachability probe, against a local server speaking the chat completions API.</summary>
public sealed class EndpointChatClientTests
{
    private static LlmSettings Settings(LocalChatServer server, string? key = "test-key") =>
        new() { BaseUrl = server.BaseUrl, Model = "gpt-test", ApiKey = key, TimeoutSeconds = 20 };

    [Fact]
    public async Task Sends_the_documented_request_and_reads_the_documented_response()
    {
        using var server = new LocalChatServer((_, _) => new ServerReply(200, LocalChatServer.Completion("{\"segments\":[]}")));
        using var client = EndpointChatClient.Create(Settings(server));

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "rules"), new ChatMessage(ChatRole.User, "translate"), new ChatMessage(ChatRole.Assistant, "bad"), new ChatMessage(ChatRole.User, "again")],
            new ChatOptions { Temperature = 0.3f, ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 500 });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Equal("gpt-test", request.Body.GetProperty("model").GetString());
        Assert.Equal(["system", "user", "assistant", "user"], request.Body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("translate", ContentText(request.Body.GetProperty("messages")[1].GetProperty("content")));
        Assert.Equal("json_object", request.Body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal(0.3, request.Body.GetProperty("temperature").GetDouble(), 3);

        Assert.Equal("{\"segments\":[]}", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("gpt-4.1-2025-04-14", response.ModelId);
        Assert.Equal(19, response.Usage?.InputTokenCount);
        Assert.Equal(10, response.Usage?.OutputTokenCount);
    }

    /// <summary>Message content is a string or an array of text parts; both are documented.</summary>
    private static string? ContentText(JsonElement content) =>
        content.ValueKind == JsonValueKind.String ? content.GetString() : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));

    [Fact]
    public async Task A_429_becomes_a_rate_limit_with_the_servers_retry_after()
    {
        using var server = new LocalChatServer((_, _) => new ServerReply(429, LocalChatServer.Error("Rate limit reached", "requests"),
            new Dictionary<string, string> { ["Retry-After"] = "7" }));
        using var client = EndpointChatClient.Create(Settings(server));

        var error = await Assert.ThrowsAsync<ChatRateLimitedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Single(server.Requests); // the SDK's own retries are off: the planner waits where it is visible
    }

    [Fact]
    public async Task A_refused_key_is_an_engine_failure_that_names_the_setting()
    {
        using var server = new LocalChatServer((_, _) => new ServerReply(401, LocalChatServer.Error("Incorrect API key provided", "invalid_request_error")));
        using var client = EndpointChatClient.Create(Settings(server, key: null));

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Contains("refused the API key", error.Message);
        Assert.Contains("DUBAGENT_LLM_API_KEY", error.Hint);
        Assert.Equal("Bearer not-needed", server.Requests.Single().Authorization);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_an_engine_failure_that_names_the_url()
    {
        using var client = EndpointChatClient.Create(new LlmSettings { BaseUrl = "http://127.0.0.1:9/v1", Model = "m", TimeoutSeconds = 10 });
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Contains("cannot reach http://127.0.0.1:9/v1", error.Message);
    }

    [Fact]
    public void Settings_come_from_configuration_or_the_flat_environment_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:BaseUrl"] = "http://localhost:11434/v1",
            ["Llm:Model"] = "llama3.1",
        }).Build();
        var environment = new Dictionary<string, string>
        {
            ["DUBAGENT_LLM_MODEL"] = "ignored-when-configured",
            ["DUBAGENT_LLM_API_KEY"] = "sk-flat",
        };
        var settings = LlmSettings.From(configuration, environment.GetValueOrDefault);
        Assert.Equal(("http://localhost:11434/v1", "llama3.1", "sk-flat"), (settings.BaseUrl, settings.Model, settings.ApiKey));

        var none = LlmSettings.From(new ConfigurationBuilder().Build(), _ => null);
        Assert.False(none.IsConfigured);
        Assert.Throws<InputException>(() => EndpointChatClient.Create(none));
        Assert.Throws<InputException>(() => EndpointChatClient.Create(new LlmSettings { Model = "m", BaseUrl = "localhost:8080" }));
    }

    [Fact]
    public async Task The_probe_before_work_sees_an_answering_endpoint_a_refused_key_and_a_dead_one()
    {
        using (var server = new LocalChatServer((_, _) => new ServerReply(200, LocalChatServer.Completion("ok"))))
        {
            Assert.Null(await EndpointProbe.ProblemAsync(Settings(server), CancellationToken.None));
            Assert.Equal("/v1/models", server.Probes.Single().Path);
            Assert.Equal("Bearer test-key", server.Probes.Single().Authorization);
        }
        using (var refusing = new LocalChatServer((_, _) => new ServerReply(200, "{}")) { ModelsStatus = 401 })
            Assert.Contains("refused the API key", await EndpointProbe.ProblemAsync(Settings(refusing), CancellationToken.None));

        var dead = await EndpointProbe.ProblemAsync(new LlmSettings { BaseUrl = "http://127.0.0.1:9/v1", Model = "m", ProbeTimeoutSeconds = 2 }, CancellationToken.None);
        Assert.Contains("http://127.0.0.1:9/v1 does not answer", dead);
    }
}
