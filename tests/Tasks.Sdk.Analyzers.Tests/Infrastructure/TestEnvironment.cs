using System.Reflection;

namespace Tasks.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Values the test project's build bakes in (see the csproj's AssemblyMetadata items).</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    public static string FixturesDirectory => Path.Combine(RepositoryRoot, "tests", "Tasks.Sdk.Analyzers.Tests", "Fixtures");

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
