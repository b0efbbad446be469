namespace Tasks.Benchmarks.Harness;

/// <summary>docs/benchmarks.md: the harness and the micro-benchmarks each rewrite only their own marked section, keeping the prose around them.</summary>
internal static class DocsFile
{
    public static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tasks.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "benchmarks.md");
            }
        }

        return Path.GetFullPath("benchmarks.md");
    }

    public static void ReplaceSection(string path, string begin, string end, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section.TrimEnd() + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + section.TrimEnd() + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
