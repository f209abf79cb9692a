namespace OutboxGen.Analyzers.Tests;

public sealed class DrainInTransactionAnalyzerTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using System.Transactions;
        using Microsoft.EntityFrameworkCore;
        using OutboxGen;
        using OutboxGen.Testing;

        public static class Jobs
        {
            public static async Task RunAsync(DbContext db, OutboxDrainer drainer)
            {
        """;

    private static Task VerifyAsync(string body) =>
        Verify<DrainInTransactionAnalyzer>.DiagnosticsAsync(Prelude + "\n" + body + "\n    }\n}\n");

    [Fact]
    public async Task A_drain_inside_a_using_declared_transaction_is_reported()
    {
        await VerifyAsync("""
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await db.SaveChangesAsync();
                    await drainer.{|OBX303:DrainAsync|}();
                    await transaction.CommitAsync();
            """);
    }

    [Fact]
    public async Task The_message_names_the_line_the_transaction_began_on()
    {
        var source = Prelude + "\n        using var transaction = db.Database.BeginTransaction();\n"
            + "        await drainer.DrainUntilEmptyAsync();\n    }\n}\n";
        var expected = Verify<DrainInTransactionAnalyzer>.Diagnostic(DiagnosticDescriptors.DrainInTransaction)
            .WithSpan(12, 23, 12, 43)
            .WithArguments("DrainUntilEmptyAsync", "11");

        await Verify<DrainInTransactionAnalyzer>.DiagnosticsAsync(source, expected);
    }

    [Fact]
    public async Task A_drain_inside_a_using_block_or_before_a_commit_is_reported()
    {
        await VerifyAsync("""
                    using (var transaction = db.Database.BeginTransaction())
                    {
                        await drainer.{|OBX303:DrainAsync|}();
                    }

                    var open = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
                    await drainer.{|OBX303:DrainUntilEmptyAsync|}();
                    await open.CommitAsync();
            """);
    }

    [Fact]
    public async Task A_drain_inside_a_transaction_scope_is_reported()
    {
        await VerifyAsync("""
                    using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
                    {
                        await drainer.{|OBX303:DrainAsync|}();
                    }

                    using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
                    scope.Complete();
                    await drainer.{|OBX303:DrainAsync|}();
            """);
    }

    [Fact]
    public async Task A_drain_after_the_transaction_is_committed_or_disposed_is_not_reported()
    {
        await VerifyAsync("""
                    var transaction = await db.Database.BeginTransactionAsync();
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                    await drainer.DrainAsync();

                    using (var block = db.Database.BeginTransaction())
                    {
                        block.Commit();
                    }

                    await drainer.DrainAsync();

                    var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
                    scope.Dispose();
                    await drainer.DrainUntilEmptyAsync();

                    await db.Database.BeginTransactionAsync();
                    await db.Database.RollbackTransactionAsync();
                    await drainer.DrainAsync();
            """);
    }

    [Fact]
    public async Task A_drain_before_the_transaction_or_in_a_deferred_lambda_is_not_reported()
    {
        await VerifyAsync("""
                    await drainer.DrainAsync();
                    {
                        await using var inner = await db.Database.BeginTransactionAsync();
                        await inner.CommitAsync();
                    }

                    await using var transaction = await db.Database.BeginTransactionAsync();
                    System.Func<Task> later = async () => await drainer.DrainAsync();
                    await transaction.CommitAsync();
                    await later();
            """);
    }

    [Fact]
    public async Task A_using_declared_transaction_ends_with_its_block()
    {
        await VerifyAsync("""
                    if (db is not null)
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        await db.SaveChangesAsync();
                    }

                    await drainer.DrainAsync();
            """);
    }
}
