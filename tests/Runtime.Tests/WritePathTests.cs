using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class WritePathTests
{
    private const string RefuseOutboxInserts =
        "CREATE TRIGGER refuse_outbox BEFORE INSERT ON cell_outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END";

    [Fact]
    public async Task Adding_a_replicated_entity_writes_its_row_in_the_same_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        var probe = new CommitProbe(
            "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM cell_outbox)");
        await using var context = db.CreateContext(probe);
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        context.Members.Add(member);

        await context.SaveChangesAsync();

        var commit = Assert.Single(probe.Commits);
        Assert.Equal(new object?[] { 1L, 1L }, commit);
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal((int)TestScope.Organization, row.ShardScope);
        Assert.Equal(7, row.ShardIdentifier);
        Assert.Equal((int)TestCategory.MemberUpdate, row.Category);
        Assert.Equal(member.Id, row.ObjectIdentifier);
        Assert.Equal("""{"email":"ada@example.com","role":"member"}""", row.Payload);
        Assert.Equal(db.Now, row.ScheduledFrom);
        Assert.Equal(db.Now, row.ScheduledFor);
        Assert.Equal(db.Now, row.DateAdded);
    }

    [Fact]
    public async Task Changing_a_replicated_entity_writes_its_row_in_the_same_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seeded = await SeedMemberAsync(db);
        var probe = new CommitProbe(
            $"SELECT (SELECT email FROM members WHERE Id = {seeded.Id}), (SELECT COUNT(*) FROM cell_outbox)");
        await using var context = db.CreateContext(probe);
        var member = await context.Members.SingleAsync();
        member.Email = "grace@example.com";

        await context.SaveChangesAsync();

        var commit = Assert.Single(probe.Commits);
        Assert.Equal(new object?[] { "grace@example.com", 1L }, commit);
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(seeded.Id, row.ObjectIdentifier);
        Assert.Equal(seeded.OrganizationId, row.ShardIdentifier);
        Assert.Equal("""{"email":"grace@example.com","role":"admin"}""", row.Payload);
    }

    [Fact]
    public async Task Deleting_a_replicated_entity_writes_its_row_in_the_same_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seeded = await SeedMemberAsync(db);
        var probe = new CommitProbe(
            "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM cell_outbox)");
        await using var context = db.CreateContext(probe);
        context.Members.Remove(await context.Members.SingleAsync());

        await context.SaveChangesAsync();

        var commit = Assert.Single(probe.Commits);
        Assert.Equal(new object?[] { 0L, 1L }, commit);
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(seeded.Id, row.ObjectIdentifier);
        Assert.Equal(seeded.OrganizationId, row.ShardIdentifier);
    }

    [Fact]
    public async Task Deleted_entity_row_carries_the_payload_read_before_the_delete()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seeded = await SeedMemberAsync(db);
        await using var context = db.CreateContext();
        context.Members.Remove(await context.Members.SingleAsync());

        await context.SaveChangesAsync();

        Assert.Empty(await db.MembersAsync());
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(seeded.Id, row.ObjectIdentifier);
        Assert.Equal("""{"email":"ada@example.com","role":"admin"}""", row.Payload);
    }

    [Fact]
    public async Task Rolled_back_user_transaction_leaves_neither_change_nor_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });
        await context.SaveChangesAsync();

        await transaction.RollbackAsync();

        Assert.Empty(await db.MembersAsync());
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Failing_outbox_insert_rolls_the_change_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });

        var error = await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());

        Assert.Contains("outbox refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM members"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM cell_outbox"));
    }

    [Fact]
    public async Task Failing_outbox_insert_rolls_a_change_to_an_existing_entity_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seeded = await SeedMemberAsync(db);
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        var member = await context.Members.SingleAsync();
        member.Email = "grace@example.com";

        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());

        var stored = Assert.Single(await db.MembersAsync());
        Assert.Equal(seeded.Email, stored.Email);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Database_generated_key_is_written_as_the_real_id()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddMembersAsync(new Member { OrganizationId = 1, Email = "first@example.com" });
        await db.ExecuteAsync("DELETE FROM cell_outbox");
        await using var context = db.CreateContext();
        var members = Enumerable.Range(0, 3)
            .Select(i => new Member { OrganizationId = 7, Email = $"member{i}@example.com" })
            .ToArray();
        context.Members.AddRange(members);
        var temporary = members.Select(m => context.Entry(m).Property(p => p.Id)).ToArray();
        Assert.All(temporary, id => Assert.True(id.IsTemporary));
        var temporaryIds = temporary.Select(id => id.CurrentValue).ToArray();

        await context.SaveChangesAsync();

        var stored = (await db.MembersAsync()).Where(m => m.OrganizationId == 7).Select(m => m.Id).ToArray();
        var written = (await db.CellRowsAsync()).Select(r => r.ObjectIdentifier).ToArray();
        Assert.Equal(stored, written);
        Assert.Equal(stored, members.Select(m => m.Id).ToArray());
        Assert.Empty(written.Intersect(temporaryIds));
    }

    [Fact]
    public async Task Added_entity_row_reads_its_navigations_as_well_as_its_real_key()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        var team = new Team { OrganizationId = 7, Name = "platform", Label = new Label { Name = "blue" } };
        context.Teams.Add(team);

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.True(team.Id > 0);
        Assert.Equal(team.Id, row.ObjectIdentifier);
        Assert.Equal($$"""{"id":{{team.Id}},"name":"platform","labelName":"blue"}""", row.Payload);
    }

    [Fact]
    public async Task Failed_outbox_insert_leaves_the_added_entity_without_the_key_it_was_given()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        var team = new Team { OrganizationId = 7, Name = "platform" };
        context.Teams.Add(team);

        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());

        Assert.True(team.Id <= 0);
        Assert.True(context.Entry(team).Property(t => t.Id).IsTemporary);
        Assert.Equal(EntityState.Added, context.Entry(team).State);
    }

    [Fact]
    public async Task Failed_outbox_insert_takes_the_database_generated_key_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        context.Members.Add(member);
        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());

        // Another writer stores its member under the key the failed save was given before it rolled back.
        await db.ExecuteAsync("INSERT INTO members (OrganizationId, Email, Role) VALUES (8, 'grace@example.com', '')");
        var loaded = await context.Members.SingleAsync(m => m.Email == "grace@example.com");

        Assert.True(context.Entry(member).Property(m => m.Id).IsTemporary);
        Assert.NotSame(member, loaded);
        Assert.Equal("grace@example.com", loaded.Email);
        Assert.Equal(EntityState.Added, context.Entry(member).State);
    }

    [Fact]
    public async Task Retried_save_after_a_failed_change_writes_each_row_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var seed = db.CreateContext())
        {
            seed.Labels.Add(new Label { Name = "taken" });
            await seed.SaveChangesAsync();
        }

        await using var context = db.CreateContext();
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        var label = new Label { Name = "taken" };
        context.Members.Add(member);
        context.Labels.Add(label);
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "join"));
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Empty(await db.CellRowsAsync());
        label.Name = "free";

        await context.SaveChangesAsync();

        var rows = await db.CellRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Category == (int)TestCategory.MemberUpdate && r.ObjectIdentifier == member.Id);
        Assert.Single(rows, r => r.Category == (int)TestCategory.AuditLogEvent && r.ObjectIdentifier == 70);
        Assert.Single(await db.MembersAsync());
    }

    [Fact]
    public async Task Retried_save_after_a_failed_outbox_insert_writes_each_row_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        context.Members.Add(member);
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "join"));
        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());
        await db.ExecuteAsync("DROP TRIGGER refuse_outbox");

        await context.SaveChangesAsync();

        var stored = Assert.Single(await db.MembersAsync());
        var rows = await db.CellRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Category == (int)TestCategory.MemberUpdate && r.ObjectIdentifier == stored.Id);
        Assert.Single(rows, r => r.Category == (int)TestCategory.AuditLogEvent && r.ObjectIdentifier == 70);
        Assert.Equal(stored.Id, member.Id);
    }

    [Fact]
    public async Task Retried_save_after_a_failed_outbox_insert_gets_a_fresh_database_generated_key()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(RefuseOutboxInserts);
        await using var context = db.CreateContext();
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        context.Members.Add(member);
        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());
        await db.ExecuteAsync("DROP TRIGGER refuse_outbox");

        // Another writer takes the key the failed save was given before it rolled back.
        await db.AddMembersAsync(new Member { OrganizationId = 8, Email = "grace@example.com" });
        await context.SaveChangesAsync();

        var stored = await db.MembersAsync();
        Assert.Equal(2, stored.Count);
        var ada = Assert.Single(stored, m => m.Email == "ada@example.com");
        Assert.Equal(ada.Id, member.Id);
        var row = Assert.Single(await db.CellRowsAsync(), r => r.ShardIdentifier == 7);
        Assert.Equal(ada.Id, row.ObjectIdentifier);
    }

    [Fact]
    public async Task Rows_written_in_a_user_transaction_commit_with_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });
        await context.SaveChangesAsync();
        var visibleBeforeCommit = await db.ScalarAsync("SELECT COUNT(*) FROM cell_outbox");

        await transaction.CommitAsync();

        Assert.Equal(0, visibleBeforeCommit);
        Assert.Single(await db.CellRowsAsync());
        Assert.Single(await db.MembersAsync());
    }

    [Fact]
    public async Task Failed_save_inside_a_user_transaction_undoes_only_its_own_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(
            "CREATE TRIGGER refuse_shard_666 BEFORE INSERT ON cell_outbox WHEN NEW.shard_identifier = 666 " +
            "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END");
        await using var context = db.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Members.Add(new Member { OrganizationId = 7, Email = "kept@example.com" });
        await context.SaveChangesAsync();
        var refused = new Member { OrganizationId = 666, Email = "refused@example.com" };
        context.Members.Add(refused);
        await Assert.ThrowsAsync<SqliteException>(() => context.SaveChangesAsync());
        context.Entry(refused).State = EntityState.Detached;

        await transaction.CommitAsync();

        var stored = Assert.Single(await db.MembersAsync());
        Assert.Equal("kept@example.com", stored.Email);
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(stored.Id, row.ObjectIdentifier);
    }

    [Fact]
    public async Task Synchronous_save_writes_the_row_too()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        var member = new Member { OrganizationId = 7, Email = "ada@example.com" };
        context.Members.Add(member);

        context.SaveChanges();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(member.Id, row.ObjectIdentifier);
        Assert.Equal(EntityState.Unchanged, context.Entry(member).State);
    }

    [Fact]
    public async Task Control_model_writes_one_row_per_target_cell()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.Mappings.Add(new OrganizationMapping
        {
            Id = 41,
            OrganizationId = 7,
            Slug = "acme",
            Cells = "us, eu, us",
        });

        await context.SaveChangesAsync();

        var rows = await db.ControlRowsAsync();
        Assert.Equal(["eu", "us"], rows.Select(r => r.CellName).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            Assert.Equal((int)TestScope.Organization, row.ShardScope);
            Assert.Equal(7, row.ShardIdentifier);
            Assert.Equal((int)TestCategory.OrganizationMappingUpdate, row.Category);
            Assert.Equal(41, row.ObjectIdentifier);
            Assert.Null(row.Payload);
        });
        Assert.Empty(await db.CellRowsAsync());
    }

    /// <summary>Stores a member and clears the row its insert wrote.</summary>
    private static async Task<Member> SeedMemberAsync(TestDatabase db)
    {
        var member = new Member { OrganizationId = 7, Email = "ada@example.com", Role = "admin" };
        await db.AddMembersAsync(member);
        await db.ExecuteAsync("DELETE FROM cell_outbox");
        return member;
    }
}
