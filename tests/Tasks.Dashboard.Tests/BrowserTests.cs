using Microsoft.Playwright;
using Tasks.Sdk;

namespace Tasks.Dashboard.Tests;

/// <summary>The dashboard as a person uses it, in headless Chromium: sign in, watch runs, read failures and trees, act on runs.</summary>
[Collection(DashboardCollection.Name)]
public sealed class BrowserTests(DashboardFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Triggered_runs_appear_and_complete_in_the_list_without_a_reload()
    {
        var page = await fixture.SignedInPageAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var tag = "live-" + Guid.NewGuid().ToString("N")[..8];
        var greet = fixture.Get<IDashboardTasksClient>().Greet;
        var runs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add((await greet.TriggerAsync(new Greeting($"visitor {i}"), new TriggerOptions { Tags = [tag] }, Timeout)).Id);
        }

        foreach (var id in runs)
        {
            await page.Locator($"tr[data-run-id='{id}']").WaitForAsync();
        }

        await Assertions.Expect(page.Locator($"tr[data-run-id='{runs[0]}'] td").Nth(3)).ToContainTextAsync(tag);
        foreach (var id in runs)
        {
            await Assertions.Expect(page.Locator($"tr[data-run-id='{id}'] [data-status]")).ToHaveAttributeAsync("data-status", "COMPLETED", new() { Timeout = 20_000 });
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await DashboardFixture.ScreenshotAsync(page, "runs-desktop");

        var phone = await fixture.SignedInPageAsync(390, 844);
        await phone.GotoAsync($"/dashboard/runs?tag={tag}");
        await Assertions.Expect(phone.Locator("tr[data-run-id]")).ToHaveCountAsync(3);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page itself must not scroll sideways on a phone");
        await DashboardFixture.ScreenshotAsync(phone, "runs-phone");
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_failed_run_shows_its_error_stack_and_every_attempt()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Fail.TriggerAsync(new Greeting("Ada"), Timeout);
        await run.WaitForCompletionAsync(Timeout);
        var page = await fixture.SignedInPageAsync();

        await page.GotoAsync($"/dashboard/runs/{run.Id}");

        await Assertions.Expect(page.Locator("h1 [data-status]")).ToHaveAttributeAsync("data-status", "FAILED");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("No greeting for Ada on attempt 2");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("InvalidOperationException");
        await Assertions.Expect(page.Locator("#error pre.stack")).ToContainTextAsync("FailAsync");
        await Assertions.Expect(page.Locator("#attempts tr[data-attempt]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#attempts tr[data-attempt='1']")).ToContainTextAsync("on attempt 1");
        await Assertions.Expect(page.Locator("#payload")).ToContainTextAsync("\"name\": \"Ada\"");
        await Assertions.Expect(page.Locator("#timeline li")).ToHaveCountAsync(6);
        await DashboardFixture.ScreenshotAsync(page, "run-failed");

        await page.GotoAsync("/dashboard/tasks");
        await Assertions.Expect(page.Locator(".failures")).ToContainTextAsync(run.Id);
        await DashboardFixture.ScreenshotAsync(page, "tasks");
        await page.GotoAsync("/dashboard/queues");
        await Assertions.Expect(page.Locator("tr[data-queue='fragile'] .usage")).ToContainTextAsync("/ 3");
        await DashboardFixture.ScreenshotAsync(page, "queues");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_parent_shows_its_children_and_its_batch()
    {
        var parent = await fixture.Get<IFamilyTasksClient>().Parent.TriggerAsync(3, Timeout);
        await parent.WaitForCompletionAsync(Timeout);
        var page = await fixture.SignedInPageAsync();

        await page.GotoAsync($"/dashboard/runs/{parent.Id}");

        await Assertions.Expect(page.Locator("#tree li.child")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#tree .batch-group li.child")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#output")).ToContainTextAsync("20");
        await DashboardFixture.ScreenshotAsync(page, "run-parent");

        await page.Locator("#tree .batch-group > a").ClickAsync();
        await Assertions.Expect(page.Locator("#batch tr[data-run-id]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#batch")).ToContainTextAsync(parent.Id);
        await DashboardFixture.ScreenshotAsync(page, "batch");

        await page.Locator("#batch tr[data-run-id] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#tree li.parent")).ToContainTextAsync(parent.Id);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_delayed_run_is_rescheduled_then_cancelled_each_after_a_confirmation()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("later"), new TriggerOptions { Delay = TimeSpan.FromHours(1) }, Timeout);
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/dashboard/runs/{run.Id}");
        await Assertions.Expect(page.Locator("h1 [data-status]")).ToHaveAttributeAsync("data-status", "DELAYED");

        await page.ClickAsync("#reschedule");
        await page.FillAsync("#delay-input", "2h");
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Run rescheduled.");
        var due = (await fixture.Get<TasksClient>().RetrieveRunAsync(run.Id, Timeout)).DelayedUntil;
        Assert.InRange(due!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(110), TimeSpan.FromMinutes(121));

        await page.ClickAsync("#cancel");
        await Assertions.Expect(page.Locator(".confirm h1")).ToHaveTextAsync("Cancel this run?");
        await DashboardFixture.ScreenshotAsync(page, "confirm-cancel");
        await page.ClickAsync("#confirm");

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Run canceled.");
        await Assertions.Expect(page.Locator("h1 [data-status]")).ToHaveAttributeAsync("data-status", "CANCELED");
        Assert.Equal(RunStatus.Canceled, (await fixture.Get<TasksClient>().RetrieveRunAsync(run.Id, Timeout)).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_failed_run_is_replayed_with_an_edited_payload()
    {
        var failed = await fixture.Get<IDashboardTasksClient>().Fail.TriggerAsync(new Greeting("Grace"), Timeout);
        await failed.WaitForCompletionAsync(Timeout);
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/dashboard/runs/{failed.Id}");

        await page.ClickAsync("#replay");
        await Assertions.Expect(page.Locator("#payload-input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Grace"));
        await page.FillAsync("#payload-input", "{\"name\": \"Edited Grace\"}");
        await DashboardFixture.ScreenshotAsync(page, "confirm-replay");
        await page.ClickAsync("#confirm");

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync($"Replay of {failed.Id} triggered.");
        var replayId = await page.Locator("#run").GetAttributeAsync("data-run-id");
        Assert.NotEqual(failed.Id, replayId);
        await Assertions.Expect(page.Locator("#payload")).ToContainTextAsync("Edited Grace");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("No greeting for Edited Grace", new() { Timeout = 20_000 });
        var replay = await fixture.Get<TasksClient>().RetrieveRunAsync(replayId!, Timeout);
        Assert.Equal("dash-fail", replay.TaskId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_token_a_secret_key_and_a_public_access_token_are_all_refused()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("nobody"), Timeout);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/dashboard/runs/{run.Id}");
        Assert.Contains("/dashboard/sign-in", page.Url);

        foreach (var wrong in new[] { "not-the-token", fixture.Server.SecretKey, run.PublicAccessToken! })
        {
            await page.FillAsync("#token", wrong);
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator(".problem")).ToHaveTextAsync("That is not the dashboard token.");
            Assert.Contains("/dashboard/sign-in", page.Url);
        }

        await DashboardFixture.ScreenshotAsync(page, "sign-in-refused");
        await page.GotoAsync($"/dashboard/runs/{run.Id}");
        Assert.Contains("/dashboard/sign-in", page.Url);
        Assert.DoesNotContain(run.Id, await page.Locator("main").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
