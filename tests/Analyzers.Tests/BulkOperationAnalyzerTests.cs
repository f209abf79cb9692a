namespace OutboxGen.Analyzers.Tests;

public sealed class BulkOperationAnalyzerTests
{
    private const string Context = """
        using System.ComponentModel.DataAnnotations.Schema;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public sealed class CellContext : DbContext
        {
            public DbSet<OrganizationMember> Members => Set<OrganizationMember>();

            public DbSet<Note> Notes => Set<Note>();
        }

        [Table("notes")]
        public sealed class Note
        {
            public long Id { get; set; }
            public string Text { get; set; } = "";
        }

        public static class Operations
        {
            public static async Task RunAsync(CellContext db, long id)
            {
        """;

    private static Task VerifyAsync(string body) => Verify<BulkOperationAnalyzer>.DiagnosticsAsync(
        Sources.Registry,
        Sources.Member,
        Context + "\n" + body + "\n    }\n}\n");

    [Fact]
    public async Task Bulk_updates_and_deletes_of_a_replicated_set_are_reported()
    {
        await VerifyAsync("""
                    db.Members.Where(m => m.Id == id).{|OBX301:ExecuteDelete|}();
                    await db.Members.{|OBX301:ExecuteDeleteAsync|}();
                    db.Set<OrganizationMember>().{|OBX301:ExecuteUpdate|}(s => s.SetProperty(m => m.Email, ""));
                    await db.Members.Where(m => m.OrganizationId == 1)
                        .{|OBX301:ExecuteUpdateAsync|}(s => s.SetProperty(m => m.Email, ""));
            """);
    }

    [Fact]
    public async Task Bulk_operations_on_other_sets_and_tracked_changes_are_not_reported()
    {
        await VerifyAsync("""
                    await db.Notes.Where(n => n.Id == id).ExecuteDeleteAsync();
                    db.Notes.ExecuteUpdate(s => s.SetProperty(n => n.Text, ""));
                    var member = await db.Members.SingleAsync(m => m.Id == id);
                    db.Members.Remove(member);
                    await db.SaveChangesAsync();
            """);
    }

    [Fact]
    public async Task Raw_sql_that_writes_a_replicated_table_is_reported()
    {
        await VerifyAsync("""
                    db.Database.{|OBX302:ExecuteSqlRaw|}("UPDATE Members SET Email = '' WHERE Id = {0}", id);
                    await db.Database.{|OBX302:ExecuteSqlAsync|}($"DELETE FROM main.\"OrganizationMember\"");
                    await db.Database.{|OBX302:ExecuteSqlInterpolatedAsync|}($"insert into members (Id) values ({id})");
            """);
    }

    [Fact]
    public async Task The_raw_sql_message_names_the_table_and_the_model()
    {
        var source = Context + "\n        db.Database.ExecuteSqlRaw(\"DELETE FROM Members\");\n    }\n}\n";
        var expected = Verify<BulkOperationAnalyzer>.Diagnostic(DiagnosticDescriptors.RawSqlWrite)
            .WithSpan("/0/Test2.cs", 24, 21, 24, 34)
            .WithArguments("ExecuteSqlRaw", "Members", "OrganizationMember");

        await Verify<BulkOperationAnalyzer>.DiagnosticsAsync([Sources.Registry, Sources.Member, source], [expected]);
    }

    [Fact]
    public async Task Raw_sql_that_reads_or_writes_other_tables_is_not_reported()
    {
        await VerifyAsync("""
                    db.Database.ExecuteSqlRaw("UPDATE notes SET Text = 'DELETE FROM Members'");
                    db.Database.ExecuteSqlRaw("SELECT * FROM Members -- UPDATE Members SET Email = ''");
                    await db.Database.ExecuteSqlAsync($"DELETE FROM notes WHERE Id = {id}");
                    var sql = "DELETE FROM Members";
                    db.Database.ExecuteSqlRaw(sql);
            """);
    }

    [Fact]
    public async Task From_sql_that_writes_on_a_replicated_set_is_reported()
    {
        await VerifyAsync("""
                    var gone = await db.Members.{|OBX302:FromSqlRaw|}("DELETE FROM Members RETURNING *").ToListAsync();
                    var updated = await db.Members
                        .{|OBX302:FromSql|}($"UPDATE Members SET Email = '' WHERE Id = {id} RETURNING *")
                        .ToListAsync();
            """);
    }

    [Fact]
    public async Task From_sql_that_only_reads_or_works_on_another_set_is_not_reported()
    {
        await VerifyAsync("""
                    var locked = await db.Members
                        .FromSqlRaw("SELECT * FROM Members WHERE Id = {0} FOR UPDATE SKIP LOCKED", id)
                        .ToListAsync();
                    var read = await db.Members.FromSql($"SELECT * FROM Members WHERE Id = {id}").ToListAsync();
                    var notes = await db.Notes.FromSqlRaw("DELETE FROM notes RETURNING *").ToListAsync();
            """);
    }
}
