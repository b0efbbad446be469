using System.IO.Compression;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;

namespace Tasks.Sdk.Analyzers.Tests.RealBuilds;

/// <summary>
/// The SDK used the way users use it: as a package in fresh projects, and in examples/BlazorClient inside this repository.
/// Each fixture is built once per scenario; these are the slow tests (about a minute together once packages are cached).
/// </summary>
[Collection(RealBuildCollection.Name)]
public sealed class RealBuildTests(PackedSdk sdk)
{
    private const string BrowserMessage = "is a Blazor WebAssembly project and references Tasks.Sdk";

    [Fact]
    public void The_package_carries_the_generator_the_analyzers_the_code_fixes_and_the_buildTransitive_guard()
    {
        using var package = ZipFile.OpenRead(sdk.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/Tasks.Sdk.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Tasks.Sdk.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Tasks.Sdk.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/Tasks.Sdk.props", entries);
        Assert.Contains("buildTransitive/Tasks.Sdk.targets", entries);
    }

    [Fact]
    public async Task A_console_app_builds_clean_with_the_generator_and_every_usage_and_secret_rule_fires_on_misuse()
    {
        var project = sdk.Project("ConsoleApp");

        var clean = await DotnetCli.BuildAsync(project, "-p:TreatWarningsAsErrors=true");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.DoesNotContain("TASK", clean.Output);

        var misuse = await DotnetCli.BuildAsync(project, "-p:TasksFixtureMisuse=true");
        Assert.True(misuse.ExitCode == 0, misuse.ToString());
        foreach (var id in new[] { "TASK100", "TASK101", "TASK102", "TASK103", "TASK201" })
        {
            Assert.Contains($"Misuse.cs", misuse.Output);
            Assert.Contains($"warning {id}:", misuse.Output);
        }
    }

    [Fact]
    public async Task A_Blazor_WebAssembly_app_getting_the_SDK_through_a_library_fails_from_the_analyzer_and_from_MSBuild_with_analyzers_off()
    {
        var project = sdk.Project("WasmApp");

        var analyzed = await DotnetCli.BuildAsync(project);
        Assert.NotEqual(0, analyzed.ExitCode);
        Assert.Contains($"CSC : error TASK200: 'WasmApp' {BrowserMessage}", analyzed.Output);
        Assert.Contains("trigger tasks from a server endpoint", analyzed.Output);
        Assert.DoesNotContain($"'Shared' {BrowserMessage}", analyzed.Output);

        var guarded = await DotnetCli.BuildAsync(project, "-p:RunAnalyzers=false");
        Assert.NotEqual(0, guarded.ExitCode);
        Assert.Contains($"WasmApp.csproj : error TASK200: 'WasmApp' {BrowserMessage}", guarded.Output);
        Assert.DoesNotContain("CSC : error TASK200", guarded.Output);
    }

    [Fact]
    public async Task A_Blazor_Web_App_server_builds_clean_and_its_Client_project_fails()
    {
        var server = await DotnetCli.BuildAsync(sdk.Project("WebApp/Server"), "-p:TreatWarningsAsErrors=true");
        Assert.True(server.ExitCode == 0, server.ToString());
        Assert.DoesNotContain("TASK200", server.Output);

        var client = await DotnetCli.BuildAsync(sdk.Project("WebApp/Client"), "-p:ClientUsesTasksSdk=true");
        Assert.NotEqual(0, client.ExitCode);
        Assert.Contains($"error TASK200: 'Client' {BrowserMessage}", client.Output);
    }

    [Fact]
    public async Task The_BlazorClient_example_in_this_repository_fails_with_TASK200()
    {
        var example = Path.Combine(TestEnvironment.RepositoryRoot, "examples", "BlazorClient");
        var build = await DotnetCli.BuildAsync(example, "-c", TestEnvironment.Configuration);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"error TASK200: 'BlazorClient' {BrowserMessage}", build.Output);
    }
}
