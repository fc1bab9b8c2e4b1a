namespace DubAgent.Engines.Translation.Llm;

/// <summary>A window the model could not translate within its attempts; its segments go to the fallback engine, flagged.</summary>
/// <param name="endpointDown">The endpoint did not answer at all (not a bad answer): later windows need not try it again.</param>
public sealed class WindowFailedException(string reason, bool endpointDown = false) : Exception(reason)
{
    public bool EndpointDown { get; } = endpointDown;
}
