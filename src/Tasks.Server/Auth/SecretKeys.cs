using System.Text.RegularExpressions;
using Tasks.Server.Engine;

namespace Tasks.Server.Auth;

/// <summary>Trigger.dev's secret key format: <c>tr_&lt;env&gt;_</c> and 24 alphanumerics, the environment named by the prefix.</summary>
internal static partial class SecretKeys
{
    public static bool TryGetEnvironmentType(string key, out string type)
    {
        var match = KeyPattern().Match(key);
        type = match.Success ? match.Groups["env"].Value : "";
        return match.Success;
    }

    public static string NewDevelopmentKey() =>
        "tr_dev_" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 24);

    [GeneratedRegex("^tr_(?<env>dev|stg|prod|preview)_[0-9a-zA-Z]{24}$")]
    private static partial Regex KeyPattern();

    public static string Describe() => "tr_dev_, tr_stg_, tr_prod_ or tr_preview_ followed by 24 letters or digits";

    internal static string NewEnvironmentId() => RunIds.NewEnvironmentId();
}
