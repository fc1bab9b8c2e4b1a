using DubAgent.Abstractions.Tools;

namespace DubAgent.Server.Jobs;

/// <summary>
/// A tool whose call leaves no call.json in its job: the server's own tools, which answer at once or run a recipe
/// whose steps record themselves. Here, below the tools, so a job's record needs nothing from Tools.
/// </summary>
public interface ISelfRecordingTool : ITool;
