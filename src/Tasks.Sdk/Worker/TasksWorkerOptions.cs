namespace Tasks.Sdk;

/// <summary>How the worker host runs tasks.</summary>
public sealed class TasksWorkerOptions
{
    /// <summary>Runs executing at once in this process (waiting runs do not count). Default: 8 per core.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount * 8;

    /// <summary>How long the server may hold a lease or resume long-poll when nothing is due.</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Identifies this process to the server; defaults to host, process id and a random suffix.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];

    /// <summary>Only run these task ids; null runs every task in the dispatch table.</summary>
    public IReadOnlyCollection<string>? Tasks { get; set; }
}
