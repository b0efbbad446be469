using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;
using Tasks.Sdk.Analyzers.Usage;
using Tasks.Sdk.CodeFixes;

namespace Tasks.Sdk.Analyzers.Tests.Usage;

public sealed class WaitOutsideTaskTests
{
    [Fact]
    public Task Waiting_in_a_plain_method_is_an_error_naming_the_method_and_the_fix() =>
        Verifier.AnalyzeAsync<WaitOutsideTaskAnalyzer>(
            """
            public class Backend(Clients clients)
            {
                public async Task<int> HandleAsync()
                {
                    var result = await clients.Child.TriggerAndWaitAsync(1);
                    return result.Unwrap();
                }
            }
            """,
            new DiagnosticResult(AnalyzerDiagnostics.WaitOutsideTask)
                .WithSpan("/Test.cs", 5, 28, 5, 64)
                .WithArguments("TriggerAndWaitAsync", "HandleAsync"));

    [Fact]
    public Task Both_waiting_forms_are_flagged_and_the_trigger_forms_are_not() =>
        Verifier.AnalyzeAsync<WaitOutsideTaskAnalyzer>(
            """
            public class Backend(Clients clients)
            {
                public async Task RunAsync(CancellationToken ct)
                {
                    await {|TASK100:clients.Fire.BatchTriggerAndWaitAsync([1, 2], ct)|};
                    await {|TASK100:clients.Child.TriggerAndWaitAsync(1, ct)|};
                    await clients.Child.TriggerAsync(1, ct);
                    await clients.Child.BatchTriggerAsync([1, 2], ct);
                }
            }
            """);

    [Fact]
    public Task Task_methods_methods_given_a_TaskContext_and_their_lambdas_and_local_functions_are_inside_a_task() =>
        Verifier.AnalyzeAsync<WaitOutsideTaskAnalyzer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task<int> ParentAsync(int payload)
                {
                    Func<Task<TaskRunResult<int>>> wait = () => clients.Child.TriggerAndWaitAsync(payload);
                    async Task<int> Local() => (await clients.Child.TriggerAndWaitAsync(2)).Unwrap();
                    return (await wait()).Unwrap() + await Local();
                }

                public async Task<int> HelperAsync(TaskContext context) =>
                    (await clients.Child.TriggerAndWaitAsync(3)).Unwrap();

                public Func<TaskContext, Task<TaskRunResult<int>>> Handler =>
                    ctx => clients.Child.TriggerAndWaitAsync(4);
            }
            """);

    [Fact]
    public Task Top_level_statements_and_local_functions_outside_a_task_are_named() =>
        Verifier.AnalyzeProgramAsync<WaitOutsideTaskAnalyzer>(
            """
            var clients = new Clients();
            await clients.Child.TriggerAndWaitAsync(1);
            async Task Helper() => await clients.Child.TriggerAndWaitAsync(2);
            """,
            new DiagnosticResult(AnalyzerDiagnostics.WaitOutsideTask).WithSpan("/Test.cs", 2, 7, 2, 43).WithArguments("TriggerAndWaitAsync", "top-level statements"),
            new DiagnosticResult(AnalyzerDiagnostics.WaitOutsideTask).WithSpan("/Test.cs", 3, 30, 3, 66).WithArguments("TriggerAndWaitAsync", "Helper"));

    [Fact]
    public Task Fix_adds_a_TaskContext_parameter_before_the_cancellation_token() =>
        Verifier.FixAsync<WaitOutsideTaskAnalyzer, WaitOutsideTaskFixer>(
            """
            public class Backend(Clients clients)
            {
                public async Task<int> HandleAsync(int id, CancellationToken ct = default) =>
                    (await {|TASK100:clients.Child.TriggerAndWaitAsync(id, ct)|}).Unwrap();
            }
            """,
            """
            public class Backend(Clients clients)
            {
                public async Task<int> HandleAsync(int id, TaskContext context, CancellationToken ct = default) =>
                    (await clients.Child.TriggerAndWaitAsync(id, ct)).Unwrap();
            }
            """,
            equivalenceKey: "AddTaskContextParameter");

    [Fact]
    public Task Fix_switches_to_TriggerAsync_when_the_result_is_unused() =>
        Verifier.FixAsync<WaitOutsideTaskAnalyzer, WaitOutsideTaskFixer>(
            """
            public class Backend(Clients clients)
            {
                public async Task HandleAsync()
                {
                    await {|TASK100:clients.Child.TriggerAndWaitAsync(1)|};
                    await {|TASK100:clients.Fire.BatchTriggerAndWaitAsync([1, 2])|};
                }
            }
            """,
            """
            public class Backend(Clients clients)
            {
                public async Task HandleAsync()
                {
                    await clients.Child.TriggerAsync(1);
                    await clients.Fire.BatchTriggerAsync([1, 2]);
                }
            }
            """,
            equivalenceKey: "UseTriggerAsync");
}
