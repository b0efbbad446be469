namespace Tasks.Sdk.Generators.Emitting;

/// <summary>Escapes user text (task ids) placed inside XML doc comments.</summary>
internal static class XmlText
{
    public static string Escape(string text) => text
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\r", " ")
        .Replace("\n", " ");
}
