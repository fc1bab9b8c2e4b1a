namespace DubAgent.Abstractions.Tools;

/// <summary>
/// Marks a tool that works on a store of its own (the voice library) rather than on media: a call answers at once and
/// produces no files, so the MCP server runs it without a job folder, a step or the work queue.
/// </summary>
public interface IJoblessTool : ITool;
