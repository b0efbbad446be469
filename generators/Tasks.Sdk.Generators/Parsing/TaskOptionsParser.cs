using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Copies <c>[Task]</c>'s named arguments verbatim: <c>TaskOptions</c> has a property of the same name and type for each.</summary>
internal static class TaskOptionsParser
{
    /// <summary>The options in source order. Arguments in error never get here: the parser skips such a method.</summary>
    public static EquatableArray<TaskOptionModel> Parse(AttributeData attribute)
    {
        var options = new List<TaskOptionModel>(attribute.NamedArguments.Length);
        foreach (var argument in attribute.NamedArguments)
        {
            options.Add(new TaskOptionModel(argument.Key, ConstantFormatter.Format(argument.Value) ?? "default"));
        }

        return options.ToEquatableArray();
    }
}
