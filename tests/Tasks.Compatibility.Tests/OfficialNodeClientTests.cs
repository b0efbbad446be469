using System.Text.Json;

namespace Tasks.Compatibility.Tests;

/// <summary>What @trigger.dev/sdk 4.8.3 returns when it talks to our server (see node/compat.mjs for each scenario).</summary>
public sealed class OfficialNodeClientTests(NodeClientFixture node) : IClassFixture<NodeClientFixture>
{
    [Fact]
    public void Trigger_with_options_runs_on_the_CSharp_worker_and_reads_back()
    {
        var run = node.Scenario("trigger");

        Assert.StartsWith("run_", run.GetProperty("id").GetString());
        Assert.True(run.GetProperty("sameRunForSameKey").GetBoolean());
        Assert.True(run.GetProperty("hasPublicToken").GetBoolean());
        Assert.Equal("COMPLETED", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("isCompleted").GetBoolean());
        Assert.True(run.GetProperty("isSuccess").GetBoolean());
        Assert.Equal("Hello, node", run.GetProperty("output").GetProperty("greeting").GetString());
        Assert.Equal("node", run.GetProperty("output").GetProperty("source").GetString());
        Assert.Equal(["compat", "node"], run.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("node", run.GetProperty("metadata").GetProperty("source").GetString());
        Assert.StartsWith("order-", run.GetProperty("idempotencyKey").GetString());
        Assert.Equal("1970-01-01T00:00:00.000Z", run.GetProperty("payload").GetProperty("when").GetString());
    }

    [Fact]
    public void A_string_payload_arrives_as_text() =>
        Assert.Equal("QUIET PLEASE", node.Scenario("textPayload").GetProperty("output").GetString());

    [Fact]
    public void A_delayed_run_can_be_rescheduled_and_then_runs()
    {
        var run = node.Scenario("delayAndReschedule");

        Assert.Equal("DELAYED", run.GetProperty("delayedStatus").GetString());
        Assert.Equal("DELAYED", run.GetProperty("rescheduledStatus").GetString());
        Assert.True(run.GetProperty("hasDelayedUntil").GetBoolean());
        Assert.Equal("COMPLETED", run.GetProperty("finalStatus").GetString());
    }

    [Fact]
    public void Batch_trigger_runs_every_item_in_order()
    {
        var run = node.Scenario("batchTrigger");

        Assert.Equal(3, run.GetProperty("runCount").GetInt32());
        Assert.Equal("batch_", run.GetProperty("batchIdPrefix").GetString());
        Assert.Equal(["Hello, a", "Hello, b", "Hello, c"], run.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("greeting").GetString()));
        Assert.Equal("COMPLETED", run.GetProperty("status").GetString());
    }

    [Fact]
    public void A_batch_across_two_tasks_runs_both()
    {
        var run = node.Scenario("batchAcrossTasks");

        Assert.Equal(2, run.GetProperty("runCount").GetInt32());
        Assert.Equal("Hello, x", run.GetProperty("outputs")[0].GetProperty("greeting").GetString());
        Assert.Equal(49, run.GetProperty("outputs")[1].GetInt32());
    }

    [Fact]
    public void Run_listing_filters_and_pages()
    {
        var list = node.Scenario("list");

        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.Equal(5, list.GetProperty("distinct").GetInt32());
        Assert.Equal(2, list.GetProperty("firstPageSize").GetInt32());
        Assert.True(list.GetProperty("hasNext").GetBoolean());
        Assert.Equal(5, list.GetProperty("filtered").GetInt32());
    }

    [Fact]
    public void Cancelling_an_executing_run()
    {
        var run = node.Scenario("cancel");

        Assert.True(run.GetProperty("canceledId").GetBoolean());
        Assert.Equal("CANCELED", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("isCancelled").GetBoolean());
    }

    [Fact]
    public void Replay_makes_a_new_run_with_the_same_payload()
    {
        var run = node.Scenario("replay");

        Assert.True(run.GetProperty("newId").GetBoolean());
        Assert.Equal("COMPLETED", run.GetProperty("status").GetString());
        Assert.Equal("Hello, again", run.GetProperty("output").GetProperty("greeting").GetString());
    }

    [Fact]
    public void Resetting_an_idempotency_key_allows_a_new_run()
    {
        var run = node.Scenario("idempotencyReset");

        Assert.True(run.GetProperty("cachedSame").GetBoolean());
        Assert.True(run.GetProperty("freshDifferent").GetBoolean());
    }

    [Fact]
    public void A_200_KiB_payload_goes_through_the_packet_store()
    {
        var run = node.Scenario("largePayload");

        Assert.Equal("COMPLETED", run.GetProperty("status").GetString());
        Assert.Equal(200 * 1024, run.GetProperty("output").GetInt32());
    }

    [Fact]
    public void A_failing_run_reports_its_error()
    {
        var run = node.Scenario("failure");

        Assert.Equal("FAILED", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("isFailed").GetBoolean());
        Assert.Equal("Failed on purpose: broken", run.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", run.GetProperty("errorName").GetString());
    }

    [Fact]
    public void A_public_access_token_reads_its_own_run_and_no_other()
    {
        var run = node.Scenario("publicAccessToken");

        Assert.Equal(81, run.GetProperty("ownOutput").GetInt32());
        Assert.Equal(403, run.GetProperty("otherStatus").GetInt32());
    }

    [Fact]
    public void An_unknown_task_surfaces_as_a_404_error()
    {
        var run = node.Scenario("unknownTask");

        Assert.Equal(404, run.GetProperty("status").GetInt32());
        Assert.Contains("no-such-task", run.GetProperty("thrown").GetString());
    }
}
