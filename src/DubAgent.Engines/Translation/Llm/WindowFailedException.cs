namespace DubAgent.Engines.Translation.Llm;

/// <summary>A window the model could not translate within its attempts; its segments go to the fallback engine, flagged.</summary>
public sealed class WindowFailedException(string reason) : Exception(reason);
