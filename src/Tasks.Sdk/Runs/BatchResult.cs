namespace Tasks.Sdk;

/// <summary>The results of a batch a task waited on, in item order.</summary>
public sealed class BatchResult(string id, IReadOnlyList<TaskRunResult> runs)
{
    /// <summary>The batch id.</summary>
    public string Id { get; } = id;
    /// <summary>One result per item, in item order.</summary>
    public IReadOnlyList<TaskRunResult> Runs { get; } = runs;
}

/// <summary>The typed results of a batch a task waited on, in item order.</summary>
public sealed class BatchResult<TOutput>(string id, IReadOnlyList<TaskRunResult<TOutput>> runs)
{
    /// <summary>The batch id.</summary>
    public string Id { get; } = id;
    /// <summary>One result per item, in item order.</summary>
    public IReadOnlyList<TaskRunResult<TOutput>> Runs { get; } = runs;
    /// <summary>The outputs in item order; throws <see cref="TaskRunFailedException"/> for the first failed run.</summary>
    public IReadOnlyList<TOutput> Unwrap() => Runs.Select(r => r.Unwrap()).ToList();
}
