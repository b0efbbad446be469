using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Grouping;

/// <summary>
/// Groups the assembly's tasks into one client per class or contract (partial declarations included) and finds what only
/// shows across tasks: duplicate ids and generated names that collide. Clashing tasks stay out of the output, so the generated
/// code still compiles; the analyzer reports them from <see cref="TaskCatalog.Rejections"/>, built by this same code.
/// </summary>
internal static class TaskCatalogBuilder
{
    public static TaskCatalog Build(ImmutableArray<TaskMethodModel> tasks)
    {
        var rejections = new List<TaskRejection>();
        var kept = new List<(int Index, TaskMethodModel Task)>();
        var byId = new Dictionary<string, TaskMethodModel>(StringComparer.Ordinal);
        var byProperty = new Dictionary<(string Class, string Property), TaskMethodModel>();
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = tasks[i];
            if (byId.TryGetValue(task.TaskId, out var first))
            {
                rejections.Add(new TaskRejection(i, TaskRejectionKind.DuplicateId, task.TaskId, first.DisplayName));
                continue;
            }

            var propertyKey = (task.ContainingType.FullName, task.PropertyName);
            if (byProperty.TryGetValue(propertyKey, out var sameProperty))
            {
                rejections.Add(new TaskRejection(i, TaskRejectionKind.NameCollision, $"{task.ContainingType.ClientBaseName}Client.{task.PropertyName}", sameProperty.DisplayName));
                continue;
            }

            byId.Add(task.TaskId, task);
            byProperty.Add(propertyKey, task);
            kept.Add((i, task));
        }

        var clients = new List<TaskClientModel>();
        var contracts = new List<ContractModel>();
        var clientNames = new Dictionary<string, TaskClassModel>(StringComparer.Ordinal);
        foreach (var group in kept.GroupBy(t => t.Task.ContainingType).OrderBy(g => g.Key.FullName, StringComparer.Ordinal).ToList())
        {
            var client = new TaskClientModel(
                group.Key,
                IsPublic: group.All(t => t.Task.IsPublic),
                Properties: group.Select(t => ToProperty(t.Task)).ToEquatableArray());
            if (clientNames.TryGetValue(client.ClassFullName, out var other))
            {
                rejections.Add(new TaskRejection(group.First().Index, TaskRejectionKind.NameCollision, client.ClassFullName.Replace("global::", string.Empty), other.DisplayName));
                kept.RemoveAll(t => t.Task.ContainingType == group.Key);
                continue;
            }

            clientNames.Add(client.ClassFullName, group.Key);
            clients.Add(client);
            if (group.Key.IsContract)
            {
                contracts.Add(new ContractModel(client, group.Select(t => t.Task).ToEquatableArray()));
            }
        }

        return new TaskCatalog(
            kept.Select(t => t.Task).Where(t => !t.ContainingType.IsContract).ToEquatableArray(),
            clients.ToEquatableArray(),
            contracts.ToEquatableArray(),
            rejections.OrderBy(r => r.Index).ToEquatableArray());
    }

    public static ServiceRegistrationModel ToServiceRegistrations(TaskCatalog catalog) => new(
        catalog.Tasks.Where(t => !t.IsStatic).Select(t => t.ContainingType.FullName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
        catalog.Clients.Where(c => !c.TaskClass.IsContract).Select(c => new ClientRegistrationModel(c.InterfaceFullName, c.ClassFullName)).ToEquatableArray());

    private static ClientPropertyModel ToProperty(TaskMethodModel task) =>
        new(task.PropertyName, task.TaskId, task.PayloadType, task.OutputType, task.Cref, task.Summary);
}
