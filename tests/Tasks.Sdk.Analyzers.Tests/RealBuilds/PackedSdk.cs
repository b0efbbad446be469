using Tasks.Sdk.Analyzers.Tests.Infrastructure;

namespace Tasks.Sdk.Analyzers.Tests.RealBuilds;

/// <summary>
/// Tasks.Sdk packed once per test run, under a version of its own, with the fixtures copied next to it. The package is packed
/// from the current build's output (--no-build) and restored from a temporary folder; its copy in the global packages folder
/// is removed at the end.
/// </summary>
public sealed class PackedSdk : IAsyncLifetime
{
    public string Version { get; } = $"0.0.0-analyzers.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Root { get; } = Directory.CreateTempSubdirectory("tasks-sdk-builds-").FullName;

    public string PackageDirectory => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(PackageDirectory, $"Tasks.Sdk.{Version}.nupkg");

    /// <summary>Where a fixture project lives once copied, e.g. <c>Project("WebApp/Server")</c>.</summary>
    public string Project(string relative) => Path.Combine(Root, "src", relative);

    public async Task InitializeAsync()
    {
        var pack = await DotnetCli.RunAsync(
            TestEnvironment.RepositoryRoot,
            "pack", "src/Tasks.Sdk/Tasks.Sdk.csproj", "--no-build", "-c", TestEnvironment.Configuration,
            $"-p:Version={Version}", "-o", PackageDirectory);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed: {pack}");
        }

        CopyDirectory(TestEnvironment.FixturesDirectory, Path.Combine(Root, "src"));

        // Isolates the fixtures from anything above the temporary folder and points them at the packed version.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TasksSdkVersion>{Version}</TasksSdkVersion>
                <RestoreAdditionalProjectSources>{PackageDirectory}</RestoreAdditionalProjectSources>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    public Task DisposeAsync()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(globalPackages, "tasks.sdk", Version));
        TryDelete(Root);
        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the version is unique per run.
        }
    }
}

/// <summary>Every real build shares one package and runs one at a time (2 cores; builds saturate both).</summary>
[CollectionDefinition(Name)]
public sealed class RealBuildCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "Real builds";
}
