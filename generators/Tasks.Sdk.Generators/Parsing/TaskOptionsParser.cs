using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Copies <c>[Task]</c>'s named arguments verbatim: <c>TaskOptions</c> has a property of the same name and type for each.</summary>
internal static class TaskOptionsParser
{
    /// <summary>The options in source order, or null when an argument is in error (the compiler reports it).</summary>
    public static EquatableArray<TaskOptionModel>? Parse(AttributeData attribute)
    {
        var options = new List<TaskOptionModel>(attribute.NamedArguments.Length);
        foreach (var argument in attribute.NamedArguments)
        {
            var literal = ConstantFormatter.Format(argument.Value);
            if (literal is null)
            {
                return null;
            }

            options.Add(new TaskOptionModel(argument.Key, literal));
        }

        return options.ToEquatableArray();
    }
}
