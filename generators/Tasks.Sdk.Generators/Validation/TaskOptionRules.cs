using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Validation;

/// <summary>The values <c>[Task]</c>'s named arguments may take. Each problem is worded to follow "sets Option ...".</summary>
internal static class TaskOptionRules
{
    private static readonly string[] DurationOptions = ["MinRetryDelay", "MaxRetryDelay", "MaxDuration", "Ttl"];

    /// <summary>Every invalid option as (option name, problem), in source order.</summary>
    public static List<(string Option, string Problem)> FindProblems(AttributeData attribute)
    {
        var problems = new List<(string, string)>();
        TimeSpan? minDelay = null;
        TimeSpan? maxDelay = null;
        foreach (var argument in attribute.NamedArguments)
        {
            var name = argument.Key;
            var value = argument.Value.Value;
            switch (name)
            {
                case "MaxAttempts" when value is int attempts && attempts < 0:
                    problems.Add((name, $"to {attempts}; attempts count the first one, so use 1 or more (or omit it for the default of 3)"));
                    break;
                case "ConcurrencyLimit" when value is int limit && limit < 1:
                    problems.Add((name, $"to {limit}; a concurrency limit is 1 or more (omit it for no limit)"));
                    break;
                case "RetryFactor" when value is double factor && (double.IsNaN(factor) || double.IsInfinity(factor) || factor < 0):
                    problems.Add((name, $"to {factor}; use a finite factor of 1 or more (or omit it for the default of 2)"));
                    break;
                case "Queue" when value is string queue && string.IsNullOrWhiteSpace(queue):
                    problems.Add((name, "to an empty name; name the queue or omit it for a queue of the task's own"));
                    break;
                default:
                    if (Array.IndexOf(DurationOptions, name) >= 0 && value is string text)
                    {
                        if (!DurationGrammar.TryParse(text, out var duration))
                        {
                            problems.Add((name, $"to \"{text}\", which is not a duration; write e.g. \"500ms\", \"30s\", \"10m\" or \"1h30m\""));
                        }
                        else if (name == "MinRetryDelay")
                        {
                            minDelay = duration;
                        }
                        else if (name == "MaxRetryDelay")
                        {
                            maxDelay = duration;
                        }
                        else if (duration <= TimeSpan.Zero)
                        {
                            problems.Add((name, $"to \"{text}\"; use a positive duration or omit it"));
                        }
                    }

                    break;
            }
        }

        if (minDelay is { } min && maxDelay is { } max && max < min)
        {
            problems.Add(("MaxRetryDelay", $"below MinRetryDelay ({max.TotalMilliseconds:0}ms < {min.TotalMilliseconds:0}ms); make the maximum at least the minimum"));
        }

        return problems;
    }
}
