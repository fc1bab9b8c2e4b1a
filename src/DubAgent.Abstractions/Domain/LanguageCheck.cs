namespace DubAgent.Abstractions.Domain;

/// <summary>
/// Whether the spoken language was checked against the declared one. Engines that detect the language (whisper) fill it;
/// for the others the transcribe tool records <c>Checked = false</c>, so a reader knows nothing vouched for the language.
/// </summary>
/// <param name="Checked">True when the engine heard the language and compared it with the declared one.</param>
/// <param name="Detected">ISO 639-1 code the engine heard in the first speech, when it can tell.</param>
/// <param name="Probability">The engine's probability for <paramref name="Detected"/>, 0-1.</param>
/// <param name="Note">One line for people: what was compared, or why nothing was.</param>
public sealed record LanguageCheck(bool Checked, string? Detected = null, double? Probability = null, string? Note = null);
