using Microsoft.EntityFrameworkCore.Infrastructure;
using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class ExplicitMessageTests
{
    [Fact]
    public async Task Explicit_message_writes_a_row_with_its_payload()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "login"));

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal((int)TestScope.AuditLog, row.ShardScope);
        Assert.Equal(7, row.ShardIdentifier);
        Assert.Equal((int)TestCategory.AuditLogEvent, row.Category);
        Assert.Equal(70, row.ObjectIdentifier);
        Assert.Equal("""{"eventId":70,"action":"login"}""", row.Payload);
        Assert.Equal(db.Now, row.ScheduledFor);
    }

    [Fact]
    public async Task Explicit_message_joins_the_save_of_other_changes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var probe = new CommitProbe(
            "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM cell_outbox)");
        await using var context = db.CreateContext(probe);
        context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "join"));

        await context.SaveChangesAsync();

        var commit = Assert.Single(probe.Commits);
        Assert.Equal(new object?[] { 1L, 2L }, commit);
    }

    [Fact]
    public async Task Explicit_message_is_written_once_and_then_forgotten()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "login"));
        await context.SaveChangesAsync();

        await context.SaveChangesAsync();

        Assert.Single(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Pooled_context_forgets_unsaved_messages_when_it_goes_back_to_the_pool()
    {
        await using var db = await TestDatabase.CreateAsync();
        var pool = new PooledDbContextFactory<TestDbContext>(db.Options);
        TestDbContext abandoned;
        await using (abandoned = pool.CreateDbContext())
        {
            abandoned.AddOutboxMessage(
                TestScope.AuditLog,
                7,
                TestCategory.AuditLogEvent,
                70,
                new AuditEntry(70, "never saved"));
        }

        await using var next = pool.CreateDbContext();
        next.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });
        await next.SaveChangesAsync();

        Assert.Same(abandoned, next);
        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal((int)TestCategory.MemberUpdate, row.Category);
    }

    [Fact]
    public async Task Pooled_context_writes_the_messages_of_its_current_lease()
    {
        await using var db = await TestDatabase.CreateAsync();
        var pool = new PooledDbContextFactory<TestDbContext>(db.Options);
        await using (var first = pool.CreateDbContext())
        {
            first.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, new AuditEntry(70, "a"));
            await first.SaveChangesAsync();
        }

        await using var second = pool.CreateDbContext();
        second.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 71, new AuditEntry(71, "b"));
        await second.SaveChangesAsync();

        Assert.Equal([70L, 71L], (await db.CellRowsAsync()).Select(r => r.ObjectIdentifier));
    }

    [Fact]
    public async Task Explicit_message_with_a_cell_name_writes_a_control_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.AddControlOutboxMessage("us", TestScope.Organization, 7, TestCategory.OrganizationMappingUpdate, 41);

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.ControlRowsAsync());
        Assert.Equal("us", row.CellName);
        Assert.Equal(41, row.ObjectIdentifier);
        Assert.Null(row.Payload);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Control_message_written_with_a_generated_serializer_carries_its_json()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        var serializer = OutboxGen.Generated.OutboxGen_Tests_Model_AuditEntrySerializer.Instance;
        var entry = new AuditEntry(70, "login");
        context.AddControlOutboxMessage("eu", TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, entry, serializer);

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.ControlRowsAsync());
        Assert.Equal("eu", row.CellName);
        Assert.Equal(serializer.Serialize(entry), row.Payload);
    }

    [Fact]
    public async Task Explicit_message_with_a_string_payload_is_a_cell_message_carrying_that_payload()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.AddOutboxMessage(TestScope.AuditLog, 7, TestCategory.AuditLogEvent, 70, "hello");

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal("\"hello\"", row.Payload);
        Assert.Empty(await db.ControlRowsAsync());
    }

    [Fact]
    public async Task Explicit_message_of_a_category_outside_its_scope_is_refused_and_nothing_is_queued()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var error = Assert.Throws<OutboxRegistryException>(() => context.AddOutboxMessage(
            TestScope.AuditLog,
            7,
            TestCategory.MemberUpdate,
            70,
            new AuditEntry(70, "login")));

        Assert.Equal(
            "Category MemberUpdate (0) belongs to scope Organization, not to scope AuditLog (1).",
            error.Message);
        await context.SaveChangesAsync();
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Explicit_message_of_a_retired_category_is_refused_and_nothing_is_queued()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var error = Assert.Throws<OutboxRegistryException>(() => context.AddOutboxMessage(
            TestScope.Organization,
            7,
            TestCategory.DisableAuthProvider,
            70));

        Assert.Equal(
            "Category DisableAuthProvider (20) is retired; no new rows may be written to it.",
            error.Message);
        await context.SaveChangesAsync();
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Explicit_message_with_an_empty_cell_name_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var error = Assert.Throws<ArgumentException>(() => context.AddControlOutboxMessage(
            "",
            TestScope.Organization,
            7,
            TestCategory.OrganizationMappingUpdate,
            41));

        Assert.Equal("cellName", error.ParamName);
        await context.SaveChangesAsync();
        Assert.Empty(await db.ControlRowsAsync());
        Assert.Empty(await db.CellRowsAsync());
    }
}
