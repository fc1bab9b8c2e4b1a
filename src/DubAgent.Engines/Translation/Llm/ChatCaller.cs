using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>Asks the chat source for one answer, waiting out rate limits (the server's Retry-After, else exponential back-off).</summary>
public sealed class ChatCaller(IChatClient chat, PlannerOptions options, ILogger logger)
{
    /// <summary>Every request made, including the repeated ones, for the run's figures.</summary>
    public int Requests { get; private set; }

    public int RateLimitWaits { get; private set; }

    public async Task<string> AskAsync(IReadOnlyList<ChatMessage> messages, bool json, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions { Temperature = options.Temperature, ResponseFormat = json ? ChatResponseFormat.Json : null };
        for (var wait = 0; ; wait++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Requests++;
                var response = await chat.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
                return response.Text;
            }
            catch (Exception e) when (IsRateLimit(e, out var retryAfter))
            {
                if (wait >= options.MaxRateLimitWaits)
                    throw new WindowFailedException($"still rate limited after {wait} waits ({e.Message})");
                var delay = retryAfter ?? TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, wait)));
                RateLimitWaits++;
                logger.LogWarning("Chat source rate limited; waiting {Seconds:0.#} s before retrying", delay.TotalSeconds);
                await options.Delay(delay, cancellationToken).ConfigureAwait(false);
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
}
