using HybridCloud.Cell;
using Microsoft.EntityFrameworkCore;

namespace HybridCloud;

/// <summary>
/// Writes, updates and deletes members, projects and teams in the cell, with repeated updates to the same
/// objects so that coalescing has work to do, and writes audit events beside them.
/// </summary>
public sealed class Workload(Func<CellDbContext> createCell, int seed)
{
    private const int Organizations = 12;
    private const int ChangesPerSave = 40;

    private readonly Random _random = new(seed);

    /// <summary>Makes <paramref name="changes"/> changes; returns the number of audit events written.</summary>
    public async Task<int> RunAsync(int changes, CancellationToken cancellationToken)
    {
        var made = 0;
        var auditEvents = 0;
        while (made < changes)
        {
            await using var cell = createCell();
            var batch = Math.Min(ChangesPerSave, changes - made);
            var existing = await LoadSomeAsync(cell, cancellationToken);
            for (var i = 0; i < batch; i++)
            {
                if (Step(cell, existing, made + i))
                {
                    auditEvents++;
                }
            }

            await cell.SaveChangesAsync(cancellationToken);
            made += batch;
        }

        return auditEvents;
    }

    private async Task<Existing> LoadSomeAsync(CellDbContext cell, CancellationToken cancellationToken)
    {
        // A small working set makes the same objects change again and again, as hot rows do in production.
        var members = await cell.Members.OrderBy(m => m.Id).Take(60).ToListAsync(cancellationToken);
        var projects = await cell.Projects.OrderBy(p => p.Id).Take(40).ToListAsync(cancellationToken);
        var teams = await cell.Teams.OrderBy(t => t.Id).Take(30).ToListAsync(cancellationToken);
        return new Existing(members, projects, teams);
    }

    /// <summary>Makes one change; returns whether it was an audit event.</summary>
    private bool Step(CellDbContext cell, Existing existing, int number)
    {
        var organization = _random.NextInt64(1, Organizations + 1);
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 12:
                var member = new OrganizationMember
                {
                    OrganizationId = organization,
                    Email = $"user{number}@example.com",
                };
                cell.Members.Add(member);
                existing.Members.Add(member);
                return false;
            case < 18:
                var project = new Project { OrganizationId = organization, Slug = $"project-{number}" };
                cell.Projects.Add(project);
                existing.Projects.Add(project);
                return false;
            case < 22:
                var team = new Team { OrganizationId = organization, Name = $"team-{number}" };
                cell.Teams.Add(team);
                existing.Teams.Add(team);
                return false;
            case < 50 when existing.Members.Count > 0:
                var updatedMember = Pick(existing.Members);
                updatedMember.Role = _random.Next(3) switch { 0 => "member", 1 => "admin", _ => "owner" };
                updatedMember.Email = $"user{number}@example.org";
                return false;
            case < 64 when existing.Projects.Count > 0:
                Pick(existing.Projects).Platform = _random.Next(2) == 0 ? "python" : "csharp";
                return false;
            case < 76 when existing.Teams.Count > 0:
                Pick(existing.Teams).MemberCount += 1;
                return false;
            case < 80 when existing.Members.Count > 0:
                Remove(cell, existing.Members);
                return false;
            case < 82 when existing.Projects.Count > 0:
                Remove(cell, existing.Projects);
                return false;
            case < 84 when existing.Teams.Count > 0:
                Remove(cell, existing.Teams);
                return false;
            default:
                cell.AddOutboxMessage(
                    Scope.AuditLog,
                    organization,
                    Category.AuditLogEvent,
                    number,
                    new AuditLogEntry(number, roll % 2 == 0 ? "member.invite" : "project.edit", $"actor{roll}"));
                return true;
        }
    }

    private T Pick<T>(List<T> items) => items[_random.Next(items.Count)];

    private void Remove<T>(CellDbContext cell, List<T> items)
        where T : class
    {
        var index = _random.Next(items.Count);
        var item = items[index];
        items.RemoveAt(index);
        if (cell.Entry(item).State == EntityState.Added)
        {
            // Added and removed before the save: EF Core forgets it and no row is written for it.
            cell.Entry(item).State = EntityState.Detached;
            return;
        }

        cell.Remove(item);
    }

    private sealed record Existing(List<OrganizationMember> Members, List<Project> Projects, List<Team> Teams);
}
