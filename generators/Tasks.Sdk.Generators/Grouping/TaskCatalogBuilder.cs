using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tasks.Sdk.Generators.Diagnostics;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Grouping;

/// <summary>
/// Groups the assembly's tasks into one client per class (partial declarations included) and finds what only shows
/// across tasks: duplicate ids and generated names that collide. Colliding tasks stay out of the output, so the
/// generated code still compiles and the diagnostic is the only error.
/// </summary>
internal static class TaskCatalogBuilder
{
    public static TaskCatalog Build(ImmutableArray<TaskMethodModel> tasks)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var kept = new List<TaskMethodModel>();
        var byId = new Dictionary<string, TaskMethodModel>(StringComparer.Ordinal);
        var byProperty = new Dictionary<(string Class, string Property), TaskMethodModel>();
        foreach (var task in tasks)
        {
            if (byId.TryGetValue(task.TaskId, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(TaskDiagnostics.DuplicateTaskId, null, task.TaskId, first.DisplayName, task.DisplayName));
                continue;
            }

            var propertyKey = (task.ContainingType.FullName, task.PropertyName);
            if (byProperty.TryGetValue(propertyKey, out var sameProperty))
            {
                diagnostics.Add(DiagnosticInfo.Create(TaskDiagnostics.GeneratedNameCollision, null, $"{task.ContainingType.ClientBaseName}Client.{task.PropertyName}", sameProperty.DisplayName, task.DisplayName));
                continue;
            }

            byId.Add(task.TaskId, task);
            byProperty.Add(propertyKey, task);
            kept.Add(task);
        }

        var clients = new List<TaskClientModel>();
        var clientNames = new Dictionary<string, TaskClientModel>(StringComparer.Ordinal);
        foreach (var group in kept.GroupBy(t => t.ContainingType).OrderBy(g => g.Key.FullName, StringComparer.Ordinal))
        {
            var client = new TaskClientModel(
                group.Key,
                IsPublic: group.All(t => t.IsPublic),
                Properties: group.Select(t => new ClientPropertyModel(t.PropertyName, t.TaskId, t.PayloadType, t.OutputType, t.DisplayName)).ToEquatableArray());
            if (clientNames.TryGetValue(client.ClassFullName, out var other))
            {
                diagnostics.Add(DiagnosticInfo.Create(TaskDiagnostics.GeneratedNameCollision, null, client.ClassFullName, other.TaskClass.DisplayName, client.TaskClass.DisplayName));
                kept.RemoveAll(t => t.ContainingType == group.Key);
                continue;
            }

            clientNames.Add(client.ClassFullName, client);
            clients.Add(client);
        }

        return new TaskCatalog(kept.ToEquatableArray(), clients.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    public static ServiceRegistrationModel ToServiceRegistrations(TaskCatalog catalog) => new(
        catalog.Tasks.Where(t => !t.IsStatic).Select(t => t.ContainingType.FullName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
        catalog.Clients.Select(c => new ClientRegistrationModel(c.InterfaceFullName, c.ClassFullName)).ToEquatableArray());
}
