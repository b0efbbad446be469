using Tasks.Sdk;

namespace Tasks.Integration.Tests;

[Collection(TasksCollection.Name)]
public sealed class RetryTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_task_that_fails_twice_succeeds_on_its_third_attempt()
    {
        var handle = await fixture.Get<IMathTasksClient>().Flaky.TriggerAsync("hello", Timeout);

        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, run.AttemptCount);
        Assert.Equal("hello on attempt 3", run.Output);
    }

    [Fact]
    public async Task A_task_that_keeps_failing_ends_FAILED_with_its_exception_recorded()
    {
        var handle = await fixture.Get<IMathTasksClient>().Fail.TriggerAsync(new Numbers(5, 6), Timeout);

        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(2, run.AttemptCount);
        Assert.Equal("System.ArithmeticException", run.Error!.Name);
        Assert.Equal("Cannot add 5 and 6 on attempt 2", run.Error.Message);
        Assert.Contains(nameof(MathTasks.FailAsync), run.Error.StackTrace);
        Assert.Equal(1, Observed.Executions[$"{handle.Id}#1"]);
        Assert.Equal(1, Observed.Executions[$"{handle.Id}#2"]);
    }
}
