using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

/// <summary>Max duration, TTL, and the run object as the wire shows it.</summary>
[Collection(TasksCollection.Name)]
public sealed class LifetimeTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task An_attempt_over_its_max_duration_is_cancelled_and_the_run_ends_TIMED_OUT_without_retrying()
    {
        var handle = await fixture.Get<IMathTasksClient>().TooSlow.TriggerAsync(new Sleep(30_000), Timeout);

        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.TimedOut, run.Status);
        Assert.Equal(1, run.AttemptCount);
        Assert.Contains("max duration", run.Error!.Message);
    }

    [Fact]
    public async Task A_run_nobody_starts_within_its_ttl_ends_EXPIRED()
    {
        using var http = fixture.Http();
        var register = """{"workerId":"absent-worker","tasks":[{"id":"nobody-runs-this","queue":"task/nobody-runs-this","maxAttempts":1,"minRetryDelayMs":1000,"maxRetryDelayMs":1000,"retryFactor":2}]}""";
        (await http.PostAsync("api/worker/v1/register", new StringContent(register, Encoding.UTF8, "application/json"), Timeout)).EnsureSuccessStatusCode();

        var trigger = await http.PostAsync("api/v1/tasks/nobody-runs-this/trigger", new StringContent("""{"payload":{},"options":{"ttl":"300ms"}}""", Encoding.UTF8, "application/json"), Timeout);
        var id = (await trigger.Content.ReadFromJsonAsync<JsonElement>(Timeout)).GetProperty("id").GetString()!;
        var run = await fixture.Get<TasksClient>().GetHandle(id).WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Expired, run.Status);
        Assert.Equal(0, run.AttemptCount);
    }

    [Fact]
    public async Task The_run_object_has_Trigger_dev_fields_and_no_nulls()
    {
        var handle = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(20, 22), new TriggerOptions { Tags = ["z", "a"] }, Timeout);
        await handle.WaitForCompletionAsync(Timeout);
        using var http = fixture.Http();

        var json = await http.GetFromJsonAsync<JsonElement>($"api/v3/runs/{handle.Id}", Timeout);

        Assert.Equal("COMPLETED", json.GetProperty("status").GetString());
        Assert.Equal("add", json.GetProperty("taskIdentifier").GetString());
        Assert.True(json.GetProperty("isCompleted").GetBoolean());
        Assert.True(json.GetProperty("isSuccess").GetBoolean());
        Assert.False(json.GetProperty("isFailed").GetBoolean());
        Assert.Equal(42, json.GetProperty("output").GetInt32());
        Assert.Equal(20, json.GetProperty("payload").GetProperty("a").GetInt32());
        Assert.Equal(["a", "z"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("trigger", json.GetProperty("triggerFunction").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("relatedRuns").ValueKind);
        Assert.DoesNotContain("null", json.GetRawText());
    }
}
