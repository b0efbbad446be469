using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;
using Tasks.Server.Dashboard;

namespace Tasks.Dashboard.Tests;

/// <summary>The dashboard's locks, over plain HTTP: no page or action without a session, no action without the session's CSRF token.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SecurityTests(DashboardFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Every_dashboard_endpoint_refuses_an_unauthenticated_request_whatever_credential_it_carries()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("secret-payload"), new TriggerOptions { Delay = TimeSpan.FromHours(1) }, Timeout);
        var endpoints = ProtectedEndpoints(run.Id);
        Assert.True(endpoints.Count >= 14, $"only {endpoints.Count} dashboard endpoints found");
        using var http = fixture.Http();
        var credentials = new (string Name, string Value)?[]
        {
            null,
            ("Authorization", "Bearer " + fixture.Server.SecretKey),
            ("Authorization", "Bearer " + run.PublicAccessToken),
            ("Cookie", "tasks_dashboard_session=v1.1796376000.forged.AAAA"),
            ("Cookie", "tasks_dashboard_session=" + DashboardFixture.Token),
        };

        foreach (var (method, path) in endpoints)
        {
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (credential is { } c)
                {
                    request.Headers.TryAddWithoutValidation(c.Name, c.Value);
                }

                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = "anything", ["delay"] = "1m", ["payload"] = "{}" });
                }

                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (method == "GET")
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} with {credential?.Name}: {response.StatusCode}");
                    Assert.StartsWith("/dashboard/sign-in?returnUrl=", response.Headers.Location!.OriginalString);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with {credential?.Name}: {response.StatusCode}");
                }

                Assert.DoesNotContain("secret-payload", body);
                Assert.DoesNotContain(run.Id, body);
            }
        }

        Assert.Equal(RunStatus.Delayed, (await fixture.Get<TasksClient>().RetrieveRunAsync(run.Id, Timeout)).Status);
    }

    [Fact]
    public async Task Actions_without_the_sessions_CSRF_token_or_from_another_origin_are_refused()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("csrf"), new TriggerOptions { Delay = TimeSpan.FromHours(1) }, Timeout);
        using var http = fixture.Http();
        var session = await fixture.SignInOverHttpAsync(http);
        var otherSession = await fixture.SignInOverHttpAsync(http);
        var csrf = await DashboardFixture.CsrfAsync(http, session);
        var otherCsrf = await DashboardFixture.CsrfAsync(http, otherSession);
        Assert.NotEqual(csrf, otherCsrf);

        foreach (var (method, path) in ProtectedEndpoints(run.Id).Where(e => e.Method == "POST"))
        {
            foreach (var (token, origin) in new (string?, string?)[] { (null, null), ("", null), ("forged", null), (otherCsrf, null), (csrf, "http://evil.example") })
            {
                var form = new Dictionary<string, string> { ["delay"] = "1m", ["payload"] = "{}" };
                if (token is not null)
                {
                    form["_csrf"] = token;
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("Cookie", session);
                if (origin is not null)
                {
                    request.Headers.Add("Origin", origin);
                }

                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} with token '{token}' and origin '{origin}': {response.StatusCode}");
            }
        }

        Assert.Equal(RunStatus.Delayed, (await fixture.Get<TasksClient>().RetrieveRunAsync(run.Id, Timeout)).Status);

        using var genuine = new HttpRequestMessage(HttpMethod.Post, $"dashboard/runs/{run.Id}/cancel")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf }),
        };
        genuine.Headers.Add("Cookie", session);
        genuine.Headers.Add("Origin", fixture.Server.Address.GetLeftPart(UriPartial.Authority));
        using var accepted = await http.SendAsync(genuine);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(RunStatus.Canceled, (await fixture.Get<TasksClient>().RetrieveRunAsync(run.Id, Timeout)).Status);
    }

    [Fact]
    public async Task Sign_in_takes_only_the_dashboard_token_and_only_from_its_own_form()
    {
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("sign-in"), Timeout);
        using var http = fixture.Http();

        foreach (var wrong in new[] { "", "wrong", fixture.Server.SecretKey, run.PublicAccessToken!, DashboardFixture.Token + " " })
        {
            var (nonce, cookie) = await DashboardFixture.SignInFormAsync(http);
            using var response = await PostSignInAsync(http, cookie, nonce, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("tasks_dashboard_session=", StringComparison.Ordinal)));
        }

        var (formNonce, formCookie) = await DashboardFixture.SignInFormAsync(http);
        using (var noCookie = await PostSignInAsync(http, null, formNonce, DashboardFixture.Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noCookie.StatusCode);
        }

        using (var wrongNonce = await PostSignInAsync(http, formCookie, "other", DashboardFixture.Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongNonce.StatusCode);
        }

        using var ok = await PostSignInAsync(http, formCookie, formNonce, DashboardFixture.Token);
        Assert.Equal(HttpStatusCode.SeeOther, ok.StatusCode);
        var session = ok.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tasks_dashboard_session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=strict", session);
        Assert.Contains("path=/dashboard", session);
        Assert.DoesNotContain("secure", session); // plain HTTP here; over HTTPS the cookie is Secure (below)
    }

    [Fact]
    public void The_session_cookie_is_Secure_over_HTTPS()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        var options = DashboardAuth.CookieOptions(context, DashboardAuth.SessionLifetime);
        Assert.True(options.Secure);
        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.SameSite);
    }

    [Fact]
    public async Task Pages_encode_what_users_wrote_and_forbid_inline_script()
    {
        const string tag = "<script>alert(1)</script>";
        var run = await fixture.Get<IDashboardTasksClient>().Greet.TriggerAsync(new Greeting("<img src=x onerror=alert(2)>"), new TriggerOptions { Tags = [tag], Delay = TimeSpan.FromHours(1) }, Timeout);
        using var http = fixture.Http();
        var session = await fixture.SignInOverHttpAsync(http);

        foreach (var path in new[] { $"dashboard/runs?tag={Uri.EscapeDataString(tag)}", $"dashboard/runs/{run.Id}", $"dashboard/runs/{run.Id}/replay" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", session } } };
            using var response = await http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(run.Id, html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        using var http = fixture.Http();
        var (nonce, cookie) = await DashboardFixture.SignInFormAsync(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "dashboard/sign-in")
        {
            Headers = { { "Cookie", cookie } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = nonce, ["token"] = DashboardFixture.Token, ["returnUrl"] = "//evil.example/dashboard/runs" }),
        };
        using var response = await http.SendAsync(request);
        Assert.Equal("/dashboard/runs", response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string? cookie, string nonce, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "dashboard/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = nonce, ["token"] = token, ["returnUrl"] = "/dashboard/runs" }),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return http.SendAsync(request);
    }

    /// <summary>Every dashboard route but sign-in and the static assets, read from the server's own endpoint table, with real ids filled in.</summary>
    private List<(string Method, string Path)> ProtectedEndpoints(string runId)
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var found = new List<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/dashboard", StringComparison.Ordinal) || pattern.Contains("sign-in", StringComparison.Ordinal) || pattern.Contains("/assets/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = pattern.TrimStart('/').Replace("{runId}", runId).Replace("{batchId}", "batch_unknown").Replace("{taskId}", "dash-greet");
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                found.Add((method, path));
            }
        }

        return found;
    }
}
