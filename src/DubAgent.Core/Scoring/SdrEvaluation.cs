namespace DubAgent.Core.Scoring;

/// <summary>BSS-eval result: Scores[i] belongs to reference i; Permutation[i] is the estimate matched to it.</summary>
public sealed record SdrEvaluation(IReadOnlyList<SdrScore> Scores, IReadOnlyList<int> Permutation);
