namespace DubAgent.Abstractions.Tools;

/// <summary>
/// Marks a tool argument that names where the call writes: a file name or a relative path that stays inside the
/// call's own step folder. Recipes are checked for it before any step runs; every call is checked when it writes.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputPathAttribute : Attribute;
