using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Security;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;

namespace Tasks.Sdk.Analyzers.Tests.Security;

/// <summary>The rule over MSBuild properties as the compiler sees them; RealBuildTests prove the same through real builds.</summary>
public sealed class BrowserProjectTests
{
    private const string UsesSdk = "public static class Uses { public static Type T => typeof(TaskContext); }";

    [Theory]
    [InlineData("build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true")]
    [InlineData("build_property.UsingMicrosoftNETSdkWebAssembly = true")]
    [InlineData("build_property.RuntimeIdentifier = browser-wasm")]
    public Task A_browser_project_referencing_the_SDK_is_an_error(string property) =>
        Verifier.AnalyzeAsync<BrowserProjectAnalyzer>(
            UsesSdk,
            property + "\n",
            [new DiagnosticResult(AnalyzerDiagnostics.SdkInBrowserProject).WithNoLocation().WithArguments("TestProject")]);

    [Theory]
    [InlineData("build_property.UsingMicrosoftNETSdkWeb = true\nbuild_property.UsingMicrosoftNETSdkBlazorWebAssembly = \n")]
    [InlineData("build_property.RuntimeIdentifier = linux-x64\n")]
    [InlineData("")]
    public Task Server_and_console_projects_are_fine(string properties) =>
        Verifier.AnalyzeAsync<BrowserProjectAnalyzer>(UsesSdk, properties, []);
}
