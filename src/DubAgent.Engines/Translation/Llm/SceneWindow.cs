using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>One chat request's worth of consecutive segments, inside one scene.</summary>
public sealed record SceneWindow(int Index, int Scene, IReadOnlyList<TranscriptSegment> Segments);
