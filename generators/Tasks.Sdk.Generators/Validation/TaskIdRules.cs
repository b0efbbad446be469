namespace Tasks.Sdk.Generators.Validation;

/// <summary>
/// What a task id may be. Ids travel in URL paths and queue names (<c>task/&lt;id&gt;</c>), so they stay short and plain:
/// ASCII letters and digits, and <c>- _ . : /</c> between them (<c>send-email</c>, <c>v2/resize</c>).
/// </summary>
internal static class TaskIdRules
{
    public const int MaxLength = 128;

    /// <summary>Why the id is invalid, worded to follow "which ...", or null when it is fine.</summary>
    public static string? FindProblem(string? id)
    {
        if (id is null || id.Length == 0)
        {
            return "is empty";
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return "is only whitespace";
        }

        if (id.Length > MaxLength)
        {
            return $"is {id.Length} characters long";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (!IsAllowed(c))
            {
                return char.IsWhiteSpace(c) ? "contains whitespace" : $"contains '{c}'";
            }
        }

        if (!IsLetterOrDigit(id[0]) || !IsLetterOrDigit(id[id.Length - 1]))
        {
            return "does not start and end with a letter or digit";
        }

        return null;
    }

    private static bool IsAllowed(char c) => IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/';

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
