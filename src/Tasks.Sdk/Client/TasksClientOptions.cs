using System.Text.Json;

namespace Tasks.Sdk;

/// <summary>
/// Where the server is and how to authenticate. Unset values come from configuration or the environment:
/// <c>TRIGGER_API_URL</c> and <c>TRIGGER_SECRET_KEY</c>, the names Trigger.dev users already know.
/// </summary>
public sealed class TasksClientOptions
{
    /// <summary>The server's base address (<c>TRIGGER_API_URL</c>).</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The environment's secret key, <c>tr_dev_…</c> (<c>TRIGGER_SECRET_KEY</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// How payloads and outputs are serialized. Set <see cref="JsonSerializerOptions.TypeInfoResolver"/> to a source-generated
    /// <c>JsonSerializerContext</c> to go without reflection.
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>First interval of <c>WaitForCompletionAsync</c> polling; it grows to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest interval of <c>WaitForCompletionAsync</c> polling.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal Uri RequireApiUrl() => ApiUrl ?? throw Missing();

    internal string RequireSecretKey() => SecretKey ?? throw Missing();

    private static InvalidOperationException Missing() => new(
        "Tasks.Sdk has no server to talk to: set TRIGGER_API_URL and TRIGGER_SECRET_KEY (environment or configuration), or configure TasksClientOptions.ApiUrl and SecretKey in AddTasksClient.");
}
