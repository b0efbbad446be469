using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Security;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;

namespace Tasks.Sdk.Analyzers.Tests.Security;

public sealed class SecretKeyTests
{
    [Fact]
    public Task A_literal_secret_key_is_flagged_with_its_prefix_only() =>
        Verifier.AnalyzeAsync<SecretKeyAnalyzer>(
            """
            public static class Settings
            {
                public const string Key = "tr_dev_3fK9qLm2Xv8RtY6pW1zNa4Bc";
            }
            """,
            new DiagnosticResult(AnalyzerDiagnostics.SecretKeyInSource).WithSpan("/Test.cs", 3, 31, 3, 64).WithArguments("tr_dev_"));

    [Fact]
    public Task Every_environment_prefix_in_any_string_form_is_flagged() =>
        Verifier.AnalyzeAsync<SecretKeyAnalyzer>(
            """
            public static class Settings
            {
                public static readonly string[] Keys =
                [
                    {|TASK201:"Bearer tr_prod_9aB8cD7eF6gH5iJ4kL3mN2oP1q"|},
                    {|TASK201:@"tr_stg_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2"|},
                    $"{|TASK201:key=tr_preview_Q1w2E3r4T5y6U7i8O9p0Asdf|}{Environment.NewLine}",
                ];
                public static ReadOnlySpan<byte> Utf8 => {|TASK201:"tr_dev_3fK9qLm2Xv8RtY6pW1zNa4Bc"u8|};
            }
            """);

    [Fact]
    public Task Placeholders_short_keys_other_prefixes_and_configuration_reads_are_fine() =>
        Verifier.AnalyzeAsync<SecretKeyAnalyzer>(
            """
            public static class Settings
            {
                public const string Placeholder = "tr_dev_xxxxxxxxxxxxxxxxxxxxxxxx";
                public const string Repeated = "tr_dev_aaaaaaaaaaaaaaaaaaaaaaaa";
                public const string Short = "tr_dev_3fK9qLm2Xv8";
                public const string Other = "tr_test_3fK9qLm2Xv8RtY6pW1zNa4Bc";
                public const string Embedded = "xtr_dev_3fK9qLm2Xv8RtY6pW1zNa4Bc";
                public static string? Key => Environment.GetEnvironmentVariable("TRIGGER_SECRET_KEY");
            }
            """);
}
