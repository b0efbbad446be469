using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Tasks.Sdk;
using Tasks.Server;

namespace Tasks.Dashboard.Tests;

/// <summary>
/// A real server with the dashboard (SQLite in a temp folder, Kestrel on 127.0.0.1), a worker running this assembly's tasks, and
/// Debian's Chromium driven by Playwright. Chromium missing is a failure, never a skip: the browser tests are the proof.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Token = "test-dashboard-token-4f1c9a7e2b";

    private IHost? _worker;
    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tasks-dashboard-" + Guid.NewGuid().ToString("N")[..10]);

    public EmbeddedTasksServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public T Get<T>() where T : notnull => _worker!.Services.GetRequiredService<T>();

    /// <summary>Where screenshots go: <c>tests/Tasks.Dashboard.Tests/TestResults/screenshots</c> (ignored by git).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public string Url(string path) => new Uri(Server.Address, path.TrimStart('/')).ToString();

    /// <summary>Plain HTTP without redirects or cookies of its own, for server-side assertions.</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.Address };

    public async Task InitializeAsync()
    {
        Server = await EmbeddedTasksServer.StartAsync(o =>
        {
            o.DataDirectory = DataDirectory;
            o.DashboardToken = Token;
            o.SweepInterval = TimeSpan.FromMilliseconds(200);
        });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = Server.Address;
            o.SecretKey = Server.SecretKey;
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        });
        builder.Services.AddTasksWorker(o => o.MaxConcurrency = 8);
        builder.Services.AddGeneratedTasks();
        _worker = builder.Build();
        await _worker.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>A fresh browser context (its own cookies), desktop-sized unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Server.Address.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form, as a person would.</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/dashboard/runs");
        Assert.Contains("/dashboard/sign-in", page.Url);
        await page.FillAsync("#token", Token);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/dashboard/runs");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Signs in over plain HTTP: the session cookie, ready for a <c>Cookie</c> header.</summary>
    public async Task<string> SignInOverHttpAsync(HttpClient http)
    {
        var (nonce, cookie) = await SignInFormAsync(http);
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "dashboard/sign-in")
        {
            Headers = { { "Cookie", cookie } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = nonce, ["token"] = Token, ["returnUrl"] = "/dashboard/runs" }),
        });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tasks_dashboard_session=", StringComparison.Ordinal));
        return session.Split(';')[0];
    }

    /// <summary>The sign-in form's nonce and the matching cookie.</summary>
    public static async Task<(string Nonce, string Cookie)> SignInFormAsync(HttpClient http)
    {
        using var response = await http.GetAsync("dashboard/sign-in");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(html, "name=\"_csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tasks_dashboard_signin=", StringComparison.Ordinal)).Split(';')[0];
        return (nonce, cookie);
    }

    /// <summary>The session's CSRF token, as the pages embed it.</summary>
    public static async Task<string> CsrfAsync(HttpClient http, string sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "dashboard/runs") { Headers = { { "Cookie", sessionCookie } } };
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"_csrf\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static string ChromiumPath() => FindChromium() ?? (InstallChromium() ? FindChromium() : null) ?? throw MissingChromium();

    private static string? FindChromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(candidate => candidate is { Length: > 0 } && File.Exists(candidate));

    /// <summary>As root on Debian (CI, a fresh machine), installs Debian's Chromium so a plain <c>dotnet test</c> needs nothing by hand.</summary>
    private static bool InstallChromium()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return false;
        }

        var install = new System.Diagnostics.ProcessStartInfo("sh", ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(install)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static InvalidOperationException MissingChromium() =>
        new(
            "Chromium is not installed, and the dashboard's browser tests need it (they never skip). Install Debian's: "
            + "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium (or set CHROMIUM_PATH).");

    private static string FindScreenshotDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tasks.Dashboard.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
