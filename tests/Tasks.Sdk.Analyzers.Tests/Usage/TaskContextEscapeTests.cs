using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;
using Tasks.Sdk.Analyzers.Usage;

namespace Tasks.Sdk.Analyzers.Tests.Usage;

public sealed class TaskContextEscapeTests
{
    [Fact]
    public Task Storing_the_context_in_a_field_or_a_static_is_flagged() =>
        Verifier.AnalyzeAsync<TaskContextEscapeAnalyzer>(
            """
            public class Jobs
            {
                private TaskContext? _last;
                public static TaskContext? Current { get; set; }

                [Task("store")]
                public Task StoreAsync(int payload, TaskContext ctx)
                {
                    _last = ctx;
                    Current = ctx;
                    return Task.CompletedTask;
                }
            }
            """,
            new DiagnosticResult(AnalyzerDiagnostics.TaskContextEscapes).WithSpan("/Test.cs", 9, 9, 9, 20).WithArguments("ctx", "stored in the field '_last'"),
            new DiagnosticResult(AnalyzerDiagnostics.TaskContextEscapes).WithSpan("/Test.cs", 10, 9, 10, 22).WithArguments("ctx", "stored in the static property 'Current'"));

    [Fact]
    public Task Capturing_the_context_in_Task_Run_or_a_timer_callback_is_flagged() =>
        Verifier.AnalyzeAsync<TaskContextEscapeAnalyzer>(
            """
            public class Jobs
            {
                [Task("capture")]
                public Task CaptureAsync(int payload, TaskContext ctx)
                {
                    _ = Task.Run(() => Console.WriteLine({|TASK103:ctx|}.RunId));
                    var timer = new Timer(_ => Console.WriteLine({|TASK103:ctx|}.Attempt), null, 1000, Timeout.Infinite);
                    var elapsed = new System.Timers.Timer(1000);
                    elapsed.Elapsed += (_, _) => Console.WriteLine({|TASK103:ctx|}.TaskId);
                    return Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task Using_the_context_in_the_run_and_passing_it_on_is_fine() =>
        Verifier.AnalyzeAsync<TaskContextEscapeAnalyzer>(
            """
            public class Jobs
            {
                [Task("fine")]
                public async Task FineAsync(int[] payload, TaskContext ctx)
                {
                    var runId = ctx.RunId;
                    var local = ctx;
                    var lines = payload.Select(p => $"{local.RunId}:{p}").ToList();
                    await Log(ctx);
                    _ = Task.Run(() => Console.WriteLine(runId));
                    _ = Task.Run(() => { TaskContext? inner = null; return inner; });
                }

                private static Task Log(TaskContext context) => Task.CompletedTask;
            }
            """);
}
