using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

namespace Tasks.Benchmarks.Micro;

/// <summary>
/// One attempt's dispatch as the worker does it: payload JSON in, output JSON out. The generated table's invoker against the
/// reflection a hand-rolled worker would use (MethodInfo.Invoke, Task.Result by reflection, serialization by runtime type).
/// Both go through the same JsonSerializerOptions.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const string PayloadJson = """{"url":"https://example.com/cat.png","width":200,"tags":["a","b"]}""";
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private TaskDefinition _definition = null!;
    private TaskInvocation _invocation = null!;
    private MethodInfo _method = null!;
    private Type _payloadType = null!;
    private PropertyInfo _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _definition = Tasks.Sdk.Generated.GeneratedTaskTable.All.Single(d => d.Id == "micro-resize");
        // TaskContext and TaskInvocation are built by the worker (internal constructors); the benchmark reaches them once, here.
        var context = (TaskContext)Construct(typeof(TaskContext), "run_micro", "micro-resize", 1, null, Array.Empty<string>(), null, null, CancellationToken.None);
        using var services = new ServiceCollection().BuildServiceProvider();
        _invocation = (TaskInvocation)Construct(typeof(TaskInvocation), PayloadJson, context, services, _json);
        _method = typeof(MicroTasks).GetMethod(nameof(MicroTasks.ResizeAsync))!;
        _payloadType = _method.GetParameters()[0].ParameterType;
        _result = _method.ReturnType.GetProperty("Result")!;
    }

    [Benchmark(Baseline = true, Description = "reflection invoke")]
    public async Task<string?> Reflection()
    {
        var payload = JsonSerializer.Deserialize(PayloadJson, _payloadType, _json);
        var task = (Task)_method.Invoke(null, [payload])!;
        await task;
        var output = _result.GetValue(task);
        return JsonSerializer.Serialize(output, output!.GetType(), _json);
    }

    [Benchmark(Description = "generated dispatch")]
    public ValueTask<string?> Generated() => _definition.Invoke(_invocation);

    private static object Construct(Type type, params object?[] args) =>
        type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single().Invoke(args);
}
