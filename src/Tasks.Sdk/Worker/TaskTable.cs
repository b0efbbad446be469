using System.Diagnostics.CodeAnalysis;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Worker;

/// <summary>The dispatch table of this worker: every <see cref="TaskDefinition"/> registered, by id, and what the server is told about them.</summary>
internal sealed class TaskTable
{
    private readonly Dictionary<string, TaskDefinition> _byId = new(StringComparer.Ordinal);

    public TaskTable(IEnumerable<TaskDefinition> definitions, Microsoft.Extensions.Options.IOptions<TasksWorkerOptions> options)
    {
        var only = options.Value.Tasks is { } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        foreach (var definition in definitions)
        {
            if (only is not null && !only.Contains(definition.Id))
            {
                continue;
            }

            if (!_byId.TryAdd(definition.Id, definition))
            {
                throw new InvalidOperationException($"Two [Task] methods use the id '{definition.Id}'; task ids must be unique.");
            }
        }
    }

    public IReadOnlyList<string> Ids => [.. _byId.Keys];

    public bool TryGet(string id, [NotNullWhen(true)] out TaskDefinition? definition) => _byId.TryGetValue(id, out definition);

    public IReadOnlyList<TaskRegistration> Registrations() => _byId.Values.Select(Registration).ToList();

    private static TaskRegistration Registration(TaskDefinition task)
    {
        var o = task.Options;
        try
        {
            return new TaskRegistration
            {
                Id = task.Id,
                Queue = o.Queue ?? $"task/{task.Id}",
                ConcurrencyLimit = Math.Max(0, o.ConcurrencyLimit),
                MaxAttempts = o.MaxAttempts > 0 ? o.MaxAttempts : TaskOptions.DefaultMaxAttempts,
                MinRetryDelayMs = Milliseconds(o.MinRetryDelay) ?? 1_000,
                MaxRetryDelayMs = Milliseconds(o.MaxRetryDelay) ?? 10_000,
                RetryFactor = o.RetryFactor > 0 ? o.RetryFactor : 2,
                RandomizeRetry = o.RandomizeRetry,
                MaxDurationMs = Milliseconds(o.MaxDuration),
                TtlMs = Milliseconds(o.Ttl),
            };
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Task '{task.Id}' has an invalid duration option: {e.Message}", e);
        }
    }

    private static long? Milliseconds(string? duration) => duration is null ? null : (long)Durations.Parse(duration).TotalMilliseconds;
}
