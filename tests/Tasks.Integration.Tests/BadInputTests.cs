using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

[Collection(TasksCollection.Name)]
public sealed class BadInputTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData(null)]
    [InlineData("tr_dev_aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("not-a-key")]
    public async Task A_missing_or_wrong_key_is_401(string? key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        var response = await http.PostAsync("api/v1/tasks/add/trigger", Json("""{"payload":{"a":1,"b":2}}"""), Timeout);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid or Missing API Key");
    }

    [Fact]
    public async Task An_unknown_task_is_404()
    {
        using var http = fixture.Http();

        var response = await http.PostAsync("api/v1/tasks/no-such-task/trigger", Json("""{"payload":{}}"""), Timeout);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "no-such-task");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"payload":{"a":1},"options":{"tags":5}}""")]
    [InlineData("""{"payload":{"a":1},"options":{"delay":"soon"}}""")]
    public async Task Malformed_bodies_are_400(string body)
    {
        using var http = fixture.Http();

        var response = await http.PostAsync("api/v1/tasks/add/trigger", Json(body), Timeout);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "");
    }

    [Fact]
    public async Task A_payload_over_3_MiB_is_413()
    {
        using var http = fixture.Http();
        var big = JsonSerializer.Serialize(new { payload = new { text = new string('x', 3 * 1024 * 1024 + 10) } });

        var response = await http.PostAsync("api/v1/tasks/echo/trigger", Json(big), Timeout);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task Eleven_tags_are_422()
    {
        using var http = fixture.Http();
        var body = JsonSerializer.Serialize(new { payload = new { a = 1, b = 2 }, options = new { tags = Enumerable.Range(0, 11).Select(i => $"t{i}") } });

        var response = await http.PostAsync("api/v1/tasks/add/trigger", Json(body), Timeout);

        await AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "at most 10 tags");
    }

    [Fact]
    public async Task Batch_errors_are_4xx_with_a_message()
    {
        using var http = fixture.Http();

        var tooMany = await http.PostAsync("api/v3/batches", Json("""{"runCount":1001}"""), Timeout);
        var created = await (await http.PostAsync("api/v3/batches", Json("""{"runCount":1}"""), Timeout)).Content.ReadFromJsonAsync<JsonElement>(Timeout);
        var wrongType = await http.PostAsync($"api/v3/batches/{created.GetProperty("id").GetString()}/items", Json("""{"index":0,"task":"add"}"""), Timeout);
        var unknown = await http.PostAsync("api/v3/batches/batch_nope/items", new StringContent("", Encoding.UTF8, "application/x-ndjson"), Timeout);

        await AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, "runCount");
        await AssertErrorAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "ndjson");
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, "batch_nope");
    }

    [Fact]
    public async Task An_unknown_run_is_404()
    {
        using var http = fixture.Http();

        await AssertErrorAsync(await http.GetAsync("api/v3/runs/run_doesnotexist", Timeout), HttpStatusCode.NotFound, "run_doesnotexist");
        await AssertErrorAsync(await http.PostAsync("api/v2/runs/run_doesnotexist/cancel", null, Timeout), HttpStatusCode.NotFound, "run_doesnotexist");
    }

    [Fact]
    public async Task A_payload_that_does_not_fit_the_task_fails_that_run_not_the_worker()
    {
        using var http = fixture.Http();

        var response = await http.PostAsync("api/v1/tasks/add/trigger", Json("""{"payload":"not numbers"}"""), Timeout);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Timeout)).GetProperty("id").GetString()!;
        var run = await fixture.Get<TasksClient>().GetHandle(id).WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.AttemptCount); // not retried: retrying cannot fix a payload
        Assert.Equal(typeof(TaskPayloadException).FullName, run.Error!.Name);
        Assert.Contains("'add'", run.Error.Message);
        Assert.Contains(typeof(Numbers).FullName!, run.Error.Message);
        var after = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(1, 1), Timeout);
        Assert.Equal(2, (await after.WaitForCompletionAsync(Timeout)).Output);
    }

    [Fact]
    public async Task A_retried_trigger_request_with_the_same_request_key_makes_one_run()
    {
        using var http = fixture.Http();
        var key = Guid.NewGuid().ToString();

        async Task<string> TriggerAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tasks/add/trigger") { Content = Json("""{"payload":{"a":1,"b":2}}""") };
            request.Headers.Add("x-trigger-request-idempotency-key", key);
            var response = await http.SendAsync(request, Timeout);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Timeout)).GetProperty("id").GetString()!;
        }

        Assert.Equal(await TriggerAsync(), await TriggerAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string messagePart)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(messagePart, body.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
