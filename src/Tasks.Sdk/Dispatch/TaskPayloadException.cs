namespace Tasks.Sdk;

/// <summary>A run's payload does not deserialize into its task's payload type. The run fails without retrying; the worker carries on.</summary>
public sealed class TaskPayloadException(string taskId, Type payloadType, Exception inner)
    : Exception($"The payload of a '{taskId}' run does not deserialize into {payloadType.FullName}: {inner.Message}", inner)
{
    /// <summary>The task whose payload failed.</summary>
    public string TaskId { get; } = taskId;

    /// <summary>The type the payload should have had.</summary>
    public Type PayloadType { get; } = payloadType;
}
