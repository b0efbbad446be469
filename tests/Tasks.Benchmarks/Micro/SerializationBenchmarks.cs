using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Tasks.Sdk.Protocol;

namespace Tasks.Benchmarks.Micro;

/// <summary>
/// Payload serialization on the trigger path: the payload alone (reflection resolver, the SDK's default, vs a source-generated
/// context), and the whole trigger body as the client builds it (payload → JsonDocument → request record → protocol JSON).
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly Resize Payload = new("https://example.com/photos/2024/cat.png", 200, ["user:42", "album:7"]);
    private readonly JsonSerializerOptions _reflection = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private readonly string _json = JsonSerializer.Serialize(Payload, MicroJsonContext.Default.Resize);

    [Benchmark(Baseline = true, Description = "payload → JSON, reflection resolver")]
    public string SerializeReflection() => JsonSerializer.Serialize(Payload, _reflection);

    [Benchmark(Description = "payload → JSON, source-generated")]
    public string SerializeGenerated() => JsonSerializer.Serialize(Payload, MicroJsonContext.Default.Resize);

    [Benchmark(Description = "JSON → payload, reflection resolver")]
    public Resize? DeserializeReflection() => JsonSerializer.Deserialize<Resize>(_json, _reflection);

    [Benchmark(Description = "JSON → payload, source-generated")]
    public Resize? DeserializeGenerated() => JsonSerializer.Deserialize(_json, MicroJsonContext.Default.Resize);

    [Benchmark(Description = "trigger body as the client builds it")]
    public string TriggerBody()
    {
        var payload = JsonSerializer.Serialize(Payload, _reflection);
        using var document = JsonDocument.Parse(payload);
        var request = new TriggerTaskRequest(document.RootElement.Clone(), new TriggerRequestOptions { PayloadType = "application/json" });
        return JsonSerializer.Serialize(request, ProtocolJsonContext.Default.TriggerTaskRequest);
    }
}
