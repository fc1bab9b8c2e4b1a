using System.ClientModel;
using System.Net;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation.Checks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// The planner's one door to the model: a Semantic Kernel kernel whose plugin holds the dubbing checks, over any
/// <see cref="IChatClient"/>. A request may let the model call the checks itself (<c>FunctionChoiceBehavior.Auto()</c>,
/// invoked by the kernel's function-invoking chat client) and asks for a typed answer (a JSON schema as the response
/// format). Rate limits are waited out (the server's Retry-After, else exponential back-off); an endpoint that fails
/// otherwise makes the request fail for the planner to count.
/// </summary>
public sealed class ChatCaller
{
    private readonly IChatClient _client;
    private readonly Kernel _kernel;
    private readonly PlannerOptions _options;
    private readonly ILogger _logger;
    private readonly CallLimit _limit;

    public ChatCaller(IChatClient chat, PlannerOptions options, ILogger logger, CheckContext? checks = null)
    {
        _options = options;
        _logger = logger;
        var builder = Kernel.CreateBuilder();
        if (checks is not null) builder.Plugins.AddFromObject(new DubbingChecks(checks), "dubbing");
        _kernel = builder.Build();
        _limit = new CallLimit(options.MaxFunctionCalls);
        _kernel.AutoFunctionInvocationFilters.Add(_limit);
        _client = new ChatClientBuilder(chat)
            .UseKernelFunctionInvocation()
            .Use(getResponseFunc: (messages, chatOptions, inner, cancellationToken) =>
            {
                Requests++; // every round trip to the model, function-calling ones included
                return inner.GetResponseAsync(messages, chatOptions, cancellationToken);
            }, getStreamingResponseFunc: null)
            .Build();
    }

    /// <summary>Every request made to the model, repeated and function-calling ones included, for the run's figures.</summary>
    public int Requests { get; private set; }

    public int RateLimitWaits { get; private set; }

    /// <summary>Asks for an answer shaped like <typeparamref name="T"/>; with <paramref name="checks"/> the model may call the checks first.</summary>
    public async Task<string> AskAsync<T>(IReadOnlyList<ChatMessage> messages, bool checks, CancellationToken cancellationToken)
    {
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = checks && _kernel.Plugins.Count > 0 ? FunctionChoiceBehavior.Auto() : null,
            ExtensionData = new Dictionary<string, object>
            {
                ["temperature"] = _options.Temperature,
                ["response_format"] = AnswerSchema.Of<T>(),
            },
        };
        for (var wait = 0; ; wait++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _limit.Reset();
            try
            {
                var response = await _client.GetResponseAsync(messages, settings.ToChatOptions(_kernel), cancellationToken).ConfigureAwait(false);
                return response.Text;
            }
            catch (Exception e) when (IsRateLimit(e, out var retryAfter))
            {
                if (wait >= _options.MaxRateLimitWaits)
                    throw new WindowFailedException($"still rate limited after {wait} waits ({e.Message})");
                var delay = retryAfter ?? TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, wait)));
                RateLimitWaits++;
                _logger.LogWarning("Chat source rate limited; waiting {Seconds:0.#} s before retrying", delay.TotalSeconds);
                await _options.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineFailedException e)
            {
                throw new WindowFailedException(e.Message, endpointDown: e.Message.Contains(EndpointErrors.Unanswered, StringComparison.Ordinal));
            }
        }
    }

    private static bool IsRateLimit(Exception e, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        switch (e)
        {
            case ChatRateLimitedException limited:
                retryAfter = limited.RetryAfter;
                return true;
            case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests }:
            case ClientResultException { Status: 429 }:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Stops a request whose model keeps calling functions without answering: the request then fails.</summary>
    private sealed class CallLimit(int most) : IAutoFunctionInvocationFilter
    {
        private int _calls;

        public void Reset() => _calls = 0;

        public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
        {
            if (Interlocked.Increment(ref _calls) > most)
            {
                context.Terminate = true;
                return;
            }
            await next(context).ConfigureAwait(false);
        }
    }
}

/// <summary>The JSON schema of a typed answer, for the request's response format.</summary>
public static class AnswerSchema
{
    public static JsonElement Of<T>() => AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: DubAgentJson.Compact);
}
