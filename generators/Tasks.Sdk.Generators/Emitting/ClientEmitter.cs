using Microsoft.CodeAnalysis.CSharp;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Emitting;

/// <summary>Writes <c>I{Class}Client</c> and <c>{Class}Client</c>: one typed <c>TaskClient</c> property per task of a class or contract.</summary>
internal static class ClientEmitter
{
    public static string Emit(TaskClientModel client)
    {
        var accessibility = client.IsPublic ? "public" : "internal";
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var inNamespace = writer.OpenNamespace(client.TaskClass.Namespace);

        writer.WriteLine($"/// <summary>Typed trigger clients for the tasks of <see cref=\"{client.TaskClass.FullName}\"/>.</summary>");
        writer.WriteLine(GeneratedNames.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} partial interface {client.InterfaceName}");
        for (var i = 0; i < client.Properties.Count; i++)
        {
            var property = client.Properties[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            WritePropertyDocumentation(writer, property);
            writer.WriteLine($"{GeneratedNames.TaskClientOf(property.PayloadType, property.OutputType)} {property.Name} {{ get; }}");
        }

        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($"/// <summary>The generated implementation of <see cref=\"{client.InterfaceName}\"/>.</summary>");
        writer.WriteLine("/// <param name=\"client\">The SDK client that sends the triggers.</param>");
        writer.WriteLine(GeneratedNames.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} sealed partial class {client.ClassName}({GeneratedNames.TasksClient} client) : {client.InterfaceName}");
        for (var i = 0; i < client.Properties.Count; i++)
        {
            var property = client.Properties[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"public {GeneratedNames.TaskClientOf(property.PayloadType, property.OutputType)} {property.Name} {{ get; }} = new(client, {SymbolDisplay.FormatLiteral(property.TaskId, quote: true)});");
        }

        writer.CloseBlock();
        if (inNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    // Go-to-definition from the cref, and the method's own summary, so IntelliSense on images.Resize explains the task.
    private static void WritePropertyDocumentation(SourceWriter writer, ClientPropertyModel property)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Triggers the <c>{XmlText.Escape(property.TaskId)}</c> task, <see cref=\"{property.MethodCref}\"/>.");
        if (property.Summary.Count > 0)
        {
            writer.WriteLine("/// <para>");
            foreach (var line in property.Summary)
            {
                writer.WriteLine("/// " + line);
            }

            writer.WriteLine("/// </para>");
        }

        writer.WriteLine("/// </summary>");
    }
}
