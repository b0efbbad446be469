using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

/// <summary>The payload of the test worker's <c>slow-step</c> task (same JSON shape; the tests do not reference that process's code).</summary>
public sealed record SlowStep(int Milliseconds);

/// <summary>A worker process killed mid-run: the run is retried once its lease expires, never while it is alive, and completes.</summary>
[Collection(TasksCollection.Name)]
public sealed class KillTests(TasksFixture fixture)
{
    [Fact]
    public async Task A_run_whose_worker_is_killed_is_retried_after_its_lease_expires_and_completes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var log = Path.Combine(fixture.DataDirectory, $"attempts-{Guid.NewGuid():N}.log");
        var slowStep = new TaskClient<SlowStep, int>(fixture.Get<TasksClient>(), "slow-step");

        using var first = await StartWorkerAsync(log, timeout.Token);
        var handle = await slowStep.TriggerAsync(new SlowStep(2_000), timeout.Token);
        await WaitForLinesAsync(log, 1, timeout.Token);
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync(timeout.Token);
        var afterKill = await handle.RetrieveAsync(timeout.Token);
        using var second = await StartWorkerAsync(log, timeout.Token);
        try
        {
            var run = await handle.WaitForCompletionAsync(timeout.Token);
            var attempts = (await File.ReadAllLinesAsync(log, timeout.Token)).Select(line => line.Split(' ')).ToList();

            Assert.Equal(RunStatus.Executing, afterKill.Status); // still leased to the dead worker: not handed to another
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.Equal(2, run.AttemptCount);
            Assert.Equal([[handle.Id, "1", first.Id.ToString()], [handle.Id, "2", second.Id.ToString()]], attempts);
            Assert.Equal(second.Id, run.Output);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts a worker process and returns once it has registered its tasks with the server.</summary>
    private async Task<Process> StartWorkerAsync(string log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [TestWorkerPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TRIGGER_API_URL"] = fixture.Server.Address.ToString();
        start.Environment["TRIGGER_SECRET_KEY"] = fixture.Server.SecretKey;
        start.Environment["TASKS_TEST_LOG"] = log;
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("registered", StringComparison.Ordinal) == true)
            {
                registered.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await registered.Task.WaitAsync(cancellationToken);
        return process;
    }

    /// <summary>tests/Tasks.TestWorker/bin/&lt;configuration&gt;/&lt;tfm&gt;/Tasks.TestWorker.dll, beside this project's own output.</summary>
    private static string TestWorkerPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration, tests) = (output.Name, output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.FullName);
        return Path.Combine(tests, "Tasks.TestWorker", "bin", configuration, framework, "Tasks.TestWorker.dll");
    }

    private static async Task WaitForLinesAsync(string path, int count, CancellationToken cancellationToken)
    {
        while (!File.Exists(path) || (await File.ReadAllLinesAsync(path, cancellationToken)).Length < count)
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
