using System.Globalization;
using Tasks.Sdk;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Api;

/// <summary>Reads Trigger.dev's list query: <c>filter[status]=A,B</c>, <c>filter[taskIdentifier]</c>, <c>filter[tag]</c>, <c>filter[createdAt][from|to|period]</c>, <c>filter[batch]</c>, <c>filter[queue]</c>, <c>page[size|after|before]</c>.</summary>
internal static class RunQueryParser
{
    public static RunFilter Parse(IQueryCollection query, DateTimeOffset now)
    {
        var statuses = List(query, "filter[status]");
        foreach (var status in statuses)
        {
            try
            {
                RunStatusNames.Parse(status);
            }
            catch (FormatException)
            {
                throw ApiProblem.BadRequest($"Unknown status '{status}' in filter[status].");
            }
        }

        var from = Time(query, "filter[createdAt][from]");
        if (query["filter[createdAt][period]"].ToString() is { Length: > 0 } period)
        {
            from = Durations.TryParse(period, out var span)
                ? now.ToUnixTimeMilliseconds() - (long)span.TotalMilliseconds
                : throw ApiProblem.BadRequest($"Invalid filter[createdAt][period] '{period}'.");
        }

        return new RunFilter
        {
            Statuses = statuses,
            TaskIds = List(query, "filter[taskIdentifier]"),
            Tags = List(query, "filter[tag]"),
            CreatedFrom = from,
            CreatedTo = Time(query, "filter[createdAt][to]"),
            BatchId = Single(query, "filter[batch]"),
            Queue = Single(query, "filter[queue]"),
            After = Single(query, "page[after]"),
            Before = Single(query, "page[before]"),
            Size = Single(query, "page[size]") is { } size
                ? int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw ApiProblem.BadRequest($"Invalid page[size] '{size}'.")
                : 25,
        };
    }

    private static List<string> List(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static string? Single(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    private static long? Time(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } value)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeMilliseconds()
            : throw ApiProblem.BadRequest($"Invalid {name} '{value}': use Unix milliseconds or an ISO 8601 date.");
    }
}
