using System.Diagnostics;
using System.Text;

namespace Tasks.Sdk.Analyzers.Tests.RealBuilds;

/// <summary>Runs the dotnet CLI and keeps what it printed.</summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build server between builds of one test run, and no telemetry or first-run banners in the output.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>A build with analyzers' and MSBuild's messages on one line each, without the build server.</summary>
    public static Task<Result> BuildAsync(string directory, params string[] extra) =>
        RunAsync(directory, ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary", .. extra]);
}
