namespace DubAgent.Abstractions.Domain;

/// <summary>A stretch of time (seconds) in which one speaker talks.</summary>
public sealed record SpeakerTurn(double Start, double End, string Speaker);
