using System.Text.Json;
using System.Text.Json.Serialization;
using Tasks.Sdk;

namespace Tasks.Benchmarks.Micro;

public sealed record Resize(string Url, int Width, IReadOnlyList<string> Tags);

public sealed record Resized(string Url, long Bytes);

/// <summary>A task with a typical payload and output, dispatched by the micro-benchmarks (never triggered).</summary>
public static class MicroTasks
{
    [Task("micro-resize")]
    public static Task<Resized> ResizeAsync(Resize payload) => Task.FromResult(new Resized(payload.Url, (long)payload.Width * payload.Width * 3));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Resize))]
[JsonSerializable(typeof(Resized))]
internal sealed partial class MicroJsonContext : JsonSerializerContext;
