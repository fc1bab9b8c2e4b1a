namespace DubAgent.Server.Jobs;

/// <summary>
/// A job folder and the calls made in it: each call writes into its own step subfolder. Cancelling a job stops every
/// call running in it; later calls may still use the job.
/// </summary>
public sealed class Job
{
    private readonly object _gate = new();
    private readonly List<JobStep> _steps = [];
    private CancellationTokenSource _cancellation = new();

    internal Job(string id, string directory, DateTimeOffset created)
    {
        Id = id;
        Directory = directory;
        Created = created;
    }

    public string Id { get; }
    public string Directory { get; }
    public DateTimeOffset Created { get; }

    public IReadOnlyList<JobStep> Steps
    {
        get { lock (_gate) return _steps.ToList(); }
    }

    /// <summary>Cancelled by <see cref="Cancel"/>; a call links it with its own request's token.</summary>
    public CancellationToken CancellationToken
    {
        get { lock (_gate) return _cancellation.Token; }
    }

    public string Status
    {
        get
        {
            var steps = Steps;
            if (steps.Any(s => s.Status == JobStepStatus.Running)) return "running";
            if (steps.Any(s => s.Status == JobStepStatus.Queued)) return "queued";
            // A recipe run found dead (job.json still says running, no live process holds the folder), or paused for review.
            var recorded = Core.Workspace.JobStatus.Read(Directory)?.Status;
            if (recorded == Core.Workspace.JobStatus.Interrupted) return Core.Workspace.JobStatus.Interrupted;
            if (recorded == Review.PausedReview.Status && steps.Count > 0 && steps[^1].Status == JobStepStatus.Succeeded) return Review.PausedReview.Status;
            if (steps.Count == 0) return "empty";
            return steps[^1].Status switch
            {
                JobStepStatus.Failed => "failed",
                JobStepStatus.Cancelled => "cancelled",
                JobStepStatus.Earlier => "finished earlier",
                _ => "succeeded",
            };
        }
    }

    /// <summary>A new step folder named after the tool (`translate`, then `translate-2` ...).</summary>
    public JobStep AddStep(string tool, string? name = null)
    {
        lock (_gate)
        {
            var baseName = StepName(name ?? tool);
            var unique = baseName;
            for (var n = 2; _steps.Any(s => s.Name == unique) || System.IO.Directory.Exists(Path.Combine(Directory, unique)); n++)
                unique = $"{baseName}-{n}";
            var step = new JobStep(unique, tool, Path.Combine(Directory, unique));
            System.IO.Directory.CreateDirectory(step.Directory);
            _steps.Add(step);
            return step;
        }
    }

    /// <summary>Records a step whose folder someone else (the pipeline runner) manages.</summary>
    public JobStep TrackStep(string name, string tool, string directory)
    {
        lock (_gate)
        {
            var step = new JobStep(name, tool, directory);
            _steps.Add(step);
            return step;
        }
    }

    /// <summary>Stops every running call of the job; returns how many were active.</summary>
    public int Cancel()
    {
        CancellationTokenSource old;
        int active;
        lock (_gate)
        {
            active = _steps.Count(s => s.IsActive);
            old = _cancellation;
            _cancellation = new CancellationTokenSource();
        }
        old.Cancel();
        old.Dispose();
        return active;
    }

    internal void LoadStepsFromDisk()
    {
        lock (_gate)
        {
            var interrupted = Core.Workspace.JobStatus.Read(Directory)?.Status == Core.Workspace.JobStatus.Interrupted;
            foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
                if (_steps.All(s => s.Directory != folder)) _steps.Add(JobStep.FromDisk(folder, interrupted));
        }
    }

    private static string StepName(string name)
    {
        var clean = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        return clean.Length == 0 ? "step" : clean;
    }
}
