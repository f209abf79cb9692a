using HybridCloud.Cell;
using HybridCloud.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HybridCloud;

/// <summary>Compares every control replica with its cell source, both ways.</summary>
public static class Verification
{
    public static async Task<Result> CompareAsync(
        Func<CellDbContext> createCell,
        IServiceProvider services,
        int auditEvents,
        CancellationToken cancellationToken)
    {
        await using var cell = createCell();
        await using var control = await services.GetRequiredService<IDbContextFactory<ControlDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        var mismatches = new List<string>();
        var checkedCount = 0;

        checkedCount += Compare(
            "member",
            await cell.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken),
            await control.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken),
            (source, replica) => source.OrganizationId == replica.OrganizationId && source.Email == replica.Email
                && source.Role == replica.Role,
            mismatches);
        checkedCount += Compare(
            "project",
            await cell.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken),
            await control.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken),
            (source, replica) => source.OrganizationId == replica.OrganizationId && source.Slug == replica.Slug
                && source.Platform == replica.Platform,
            mismatches);
        checkedCount += Compare(
            "team",
            await cell.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken),
            await control.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken),
            (source, replica) => source.OrganizationId == replica.OrganizationId && source.Name == replica.Name
                && source.MemberCount == replica.MemberCount,
            mismatches);

        var recorded = await control.AuditLog.CountAsync(cancellationToken);
        checkedCount += recorded;
        if (recorded != auditEvents)
        {
            mismatches.Add($"audit log: {auditEvents} events written in the cell, {recorded} recorded in control");
        }

        return new Result(checkedCount, mismatches);
    }

    private static int Compare<TKey, TSource, TReplica>(
        string kind,
        Dictionary<TKey, TSource> sources,
        Dictionary<TKey, TReplica> replicas,
        Func<TSource, TReplica, bool> equal,
        List<string> mismatches)
        where TKey : notnull
    {
        foreach (var (id, source) in sources)
        {
            if (!replicas.TryGetValue(id, out var replica))
            {
                mismatches.Add($"{kind} {id}: in the cell, missing in control");
            }
            else if (!equal(source, replica))
            {
                mismatches.Add($"{kind} {id}: control holds {replica}, the cell {source}");
            }
        }

        foreach (var id in replicas.Keys.Where(id => !sources.ContainsKey(id)))
        {
            mismatches.Add($"{kind} {id}: deleted in the cell, still in control");
        }

        return sources.Keys.Union(replicas.Keys).Count();
    }

    public sealed record Result(int Checked, IReadOnlyList<string> Mismatches);
}
