using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

[Collection(TasksCollection.Name)]
public sealed class WaitTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_parent_waiting_on_children_in_its_own_queue_with_limit_one_does_not_deadlock()
    {
        var handle = await fixture.Get<ISoloTasksClient>().Parent.TriggerAsync(new Fanout(5), Timeout);

        var parent = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal([10, 20, 30, 40, 50, 60], parent.Output!);
        Assert.Equal(6, parent.ChildRunIds.Count);
        var child = await fixture.Get<TasksClient>().RetrieveRunAsync(parent.ChildRunIds[0], Timeout);
        Assert.Equal(handle.Id, child.ParentRunId);
    }

    [Fact]
    public async Task A_waiting_parent_is_WAITING_while_its_child_runs()
    {
        var handle = await fixture.Get<IFailureParentTasksClient>().ParentOfFailure.TriggerAsync(new Numbers(1, 2), Timeout);

        var statuses = new HashSet<RunStatus>();
        Run run;
        do
        {
            run = await handle.RetrieveAsync(Timeout);
            statuses.Add(run.Status);
        }
        while (!run.IsFinished);

        Assert.Contains(RunStatus.Waiting, statuses);
    }

    [Fact]
    public async Task A_failed_child_reaches_the_waiting_parent_as_a_result_that_is_not_ok()
    {
        var handle = await fixture.Get<IFailureParentTasksClient>().ParentOfFailure.TriggerAsync(new Numbers(3, 4), Timeout);

        var parent = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal("System.ArithmeticException: Cannot add 3 and 4 on attempt 2", parent.Output);
    }

    [Fact]
    public async Task Waiting_outside_a_task_throws_before_any_HTTP_call()
    {
        var services = new ServiceCollection()
            .AddTasksClient(o =>
            {
                o.ApiUrl = new Uri("http://127.0.0.1:9/"); // nothing listens: a call would fail differently
                o.SecretKey = fixture.Server.SecretKey;
            })
            .AddSingleton<ISoloTasksClient, SoloTasksClient>()
            .BuildServiceProvider();
        var solo = services.GetRequiredService<ISoloTasksClient>();

        var one = await Assert.ThrowsAsync<InvalidOperationException>(() => solo.Child.TriggerAndWaitAsync(1, Timeout));
        var many = await Assert.ThrowsAsync<InvalidOperationException>(() => solo.Child.BatchTriggerAndWaitAsync([1, 2], Timeout));

        Assert.Contains("inside a running task", one.Message);
        Assert.Contains("BatchTriggerAndWaitAsync", many.Message);
    }
}
