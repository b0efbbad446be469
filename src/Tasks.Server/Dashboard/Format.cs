using System.Globalization;
using System.Text.Json;
using Tasks.Sdk.Protocol;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>How values look on the dashboard: UTC times, short durations, status badges, indented JSON.</summary>
internal static class Format
{
    public static readonly string[] Statuses =
        ["QUEUED", "DELAYED", "EXECUTING", "WAITING", "COMPLETED", "FAILED", "CANCELED", "CRASHED", "EXPIRED", "TIMED_OUT", "SYSTEM_FAILURE", "DEQUEUED", "PENDING_VERSION"];

    public static readonly string[] FailureStatuses = ["FAILED", "CRASHED", "SYSTEM_FAILURE", "TIMED_OUT", "EXPIRED"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Markup Time(long? ms) => ms is { } value
        ? Html.Of($"<time datetime=\"{DateTimeOffset.FromUnixTimeMilliseconds(value).ToString("O", CultureInfo.InvariantCulture)}\">{DateTimeOffset.FromUnixTimeMilliseconds(value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</time>")
        : new Markup("–");

    public static string Duration(long? ms) => ms switch
    {
        null => "–",
        < 1000 => $"{ms} ms",
        < 60_000 => (ms.Value / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 3_600_000 => $"{ms / 60_000}m {ms % 60_000 / 1000}s",
        _ => $"{ms / 3_600_000}h {ms % 3_600_000 / 60_000}m",
    };

    /// <summary>How long a run has run: from its start to its end, or to now while it is still going.</summary>
    public static long? RunDuration(RunRecord run, long now) =>
        run.StartedAt is { } started ? (run.FinishedAt ?? (RunStatuses.IsFinal(run.Status) ? started : now)) - started : null;

    public static Markup Status(string status) =>
        Html.Of($"<span class=\"status status-{status.ToLowerInvariant().Replace('_', '-')}\" data-status=\"{status}\">{status.Replace('_', ' ')}</span>");

    public static IReadOnlyList<string> Tags(string json) => JsonSerializer.Deserialize(json, ServerJsonContext.Default.ListString) ?? [];

    public static Markup TagList(string json) => Html.Join(Tags(json).Select(t => Html.Of($"<span class=\"tag\">{t}</span>")));

    public static string PrettyJson(string? json)
    {
        if (json is null)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static SerializedError? Error(string? json)
    {
        try
        {
            return RunEngine.DeserializeError(json);
        }
        catch (JsonException)
        {
            return json is null ? null : new SerializedError(json);
        }
    }
}
