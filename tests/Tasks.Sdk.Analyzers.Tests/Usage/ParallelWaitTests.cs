using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;
using Tasks.Sdk.Analyzers.Usage;
using Tasks.Sdk.CodeFixes;

namespace Tasks.Sdk.Analyzers.Tests.Usage;

public sealed class ParallelWaitTests
{
    [Fact]
    public Task WhenAll_over_waiting_calls_is_an_error_at_each_call() =>
        Verifier.AnalyzeAsync<ParallelWaitAnalyzer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int payload)
                {
                    await Task.WhenAll(clients.Child.TriggerAndWaitAsync(1), clients.Other.TriggerAndWaitAsync(2));
                }
            }
            """,
            new DiagnosticResult(AnalyzerDiagnostics.ParallelWaits).WithSpan("/Test.cs", 6, 28, 6, 64).WithArguments("TriggerAndWaitAsync", "inside Task.WhenAll"),
            new DiagnosticResult(AnalyzerDiagnostics.ParallelWaits).WithSpan("/Test.cs", 6, 66, 6, 102).WithArguments("TriggerAndWaitAsync", "inside Task.WhenAll"));

    [Fact]
    public Task WhenAny_LINQ_locals_task_lists_Parallel_and_Task_Run_are_flagged() =>
        Verifier.AnalyzeAsync<ParallelWaitAnalyzer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int[] payload)
                {
                    await Task.WhenAny(payload.Select(p => {|TASK101:clients.Child.TriggerAndWaitAsync(p)|}));

                    var pending = payload.Select(p => {|TASK101:clients.Child.TriggerAndWaitAsync(p)|}).ToList();
                    await Task.WhenAll(pending);

                    var list = new List<Task>();
                    foreach (var p in payload)
                    {
                        list.Add({|TASK101:clients.Fire.TriggerAndWaitAsync(p)|});
                    }

                    Task[] array = [{|TASK101:clients.Child.TriggerAndWaitAsync(1)|}];

                    await Parallel.ForEachAsync(payload, async (p, ct) => await {|TASK101:clients.Child.TriggerAndWaitAsync(p, ct)|});
                    await Task.Run(() => {|TASK101:clients.Child.TriggerAndWaitAsync(2)|});
                }
            }
            """);

    [Fact]
    public Task Sequential_waits_and_one_batch_wait_are_fine() =>
        Verifier.AnalyzeAsync<ParallelWaitAnalyzer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task<int> ParentAsync(int[] payload)
                {
                    var results = new List<int>();
                    foreach (var p in payload)
                    {
                        results.Add((await clients.Child.TriggerAndWaitAsync(p)).Unwrap());
                    }

                    var batch = await clients.Child.BatchTriggerAndWaitAsync(payload);
                    await Task.WhenAll(clients.Child.TriggerAsync(1), clients.Child.TriggerAsync(2));
                    return results.Sum() + batch.Unwrap().Sum();
                }
            }
            """);

    [Fact]
    public Task Fix_turns_WhenAll_over_one_clients_waits_into_one_batch_wait() =>
        Verifier.FixAsync<ParallelWaitAnalyzer, ParallelWaitFixer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int payload, CancellationToken ct)
                {
                    await Task.WhenAll({|TASK101:clients.Child.TriggerAndWaitAsync(1, ct)|}, {|TASK101:clients.Child.TriggerAndWaitAsync(payload + 1, ct)|});
                }
            }
            """,
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int payload, CancellationToken ct)
                {
                    await clients.Child.BatchTriggerAndWaitAsync([1, payload + 1], ct);
                }
            }
            """);

    [Fact]
    public Task Fix_turns_WhenAll_over_a_Select_into_a_batch_wait_and_keeps_the_results_in_order() =>
        Verifier.FixAsync<ParallelWaitAnalyzer, ParallelWaitFixer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task<int> ParentAsync(int[] payload)
                {
                    var results = await Task.WhenAll(payload.Select(p => {|TASK101:clients.Child.TriggerAndWaitAsync(p * 2)|}));
                    return results[0].Unwrap();
                }
            }
            """,
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task<int> ParentAsync(int[] payload)
                {
                    var results = (await clients.Child.BatchTriggerAndWaitAsync(payload.Select(p => p * 2))).Runs;
                    return results[0].Unwrap();
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_waits_target_different_tasks() =>
        Verifier.FixAsync<ParallelWaitAnalyzer, ParallelWaitFixer>(
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int payload)
                {
                    await Task.WhenAll({|TASK101:clients.Child.TriggerAndWaitAsync(1)|}, {|TASK101:clients.Other.TriggerAndWaitAsync(2)|});
                }
            }
            """,
            """
            public class Jobs(Clients clients)
            {
                [Task("parent")]
                public async Task ParentAsync(int payload)
                {
                    await Task.WhenAll({|TASK101:clients.Child.TriggerAndWaitAsync(1)|}, {|TASK101:clients.Other.TriggerAndWaitAsync(2)|});
                }
            }
            """);
}
