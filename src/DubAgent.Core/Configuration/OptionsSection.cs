namespace DubAgent.Core.Configuration;

/// <summary>
/// A configuration section and the options class it binds to. The class's settable properties are the section's keys
/// (a property of a class type is a nested section), with their types and validation attributes: the one place a key
/// is declared, which the start-up check holds the configuration against.
/// </summary>
public sealed record OptionsSection(string Path, Type OptionsType);
