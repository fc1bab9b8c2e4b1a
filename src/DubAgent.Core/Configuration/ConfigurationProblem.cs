namespace DubAgent.Core.Configuration;

/// <summary>One wrong configuration entry: its key, what is wrong (naming the value and where it was set), and the fix.</summary>
public sealed record ConfigurationProblem(string Key, string Message, string Hint);
