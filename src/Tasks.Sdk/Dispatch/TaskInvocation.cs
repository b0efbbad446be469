using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tasks.Sdk;

/// <summary>
/// What the generated dispatch table receives for one attempt: the run's services (a scope of its own), its context,
/// its cancellation and the JSON helpers that go through the configured <see cref="JsonSerializerOptions"/> (and so through a
/// user's source-generated <c>JsonSerializerContext</c> when one is configured).
/// </summary>
public sealed class TaskInvocation
{
    private readonly string _payloadJson;
    private readonly JsonSerializerOptions _json;

    internal TaskInvocation(string payloadJson, TaskContext context, IServiceProvider services, JsonSerializerOptions json)
    {
        _payloadJson = payloadJson;
        _json = json;
        Context = context;
        Services = services;
    }

    /// <summary>The run being executed.</summary>
    public TaskContext Context { get; }

    /// <summary>Services of the scope created for this attempt; disposed when the attempt ends.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Fires when the run is cancelled, exceeds its max duration, or the worker shuts down.</summary>
    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>Reads the payload as <typeparamref name="T"/>; a payload that does not fit fails the run with an error naming the task and the type.</summary>
    public T DeserializePayload<T>()
    {
        try
        {
            var typeInfo = (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T));
            return JsonSerializer.Deserialize(_payloadJson, typeInfo)!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new TaskPayloadException(Context.TaskId, typeof(T), e);
        }
    }

    /// <summary>Writes a task's output as JSON.</summary>
    public string SerializeOutput<T>(T output)
    {
        var typeInfo = (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T));
        return JsonSerializer.Serialize(output, typeInfo);
    }
}
