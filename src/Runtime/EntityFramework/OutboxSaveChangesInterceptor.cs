using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OutboxGen.Storage;

namespace OutboxGen.EntityFramework;

/// <summary>
/// Writes outbox rows in the same transaction as the changes they describe.
/// </summary>
/// <remarks>
/// A save that touches a replicated model, or that carries explicit messages, is taken over: the interceptor runs
/// the context's own save with <c>acceptAllChangesOnSuccess: false</c> inside a transaction, inserts the outbox
/// rows (database-generated keys are real by then), commits, and only then accepts the changes. A failure at any
/// point rolls back both and leaves the change tracker as it was, so a retried save writes each row once. Inside a
/// transaction the caller owns, a savepoint plays the part of the transaction.
/// </remarks>
internal sealed class OutboxSaveChangesInterceptor(OutboxOptionsExtension extension) : SaveChangesInterceptor
{
    private const string Savepoint = "outbox_save";

    /// <summary>Entity types whose EF Core key was checked against the member the outbox reads.</summary>
    private readonly ConcurrentDictionary<IEntityType, string?> _keyProblems = new();

    public static PendingOutbox PendingFor(DbContext context) => context.GetService<PendingOutbox>();

    public override InterceptionResult<int> SavingChanges(
        DbContextEventData eventData,
        InterceptionResult<int> result)
    {
        // The work below is asynchronous I/O on the context's own connection; a synchronous save waits for it.
        return SaveAsync(eventData, result, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        SaveAsync(eventData, result, cancellationToken);

    private async ValueTask<InterceptionResult<int>> SaveAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken)
    {
        if (eventData.Context is not { } context || result.HasResult)
        {
            return result;
        }

        var pending = PendingFor(context);
        if (pending.Saving)
        {
            return result;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var changes = CollectChanges(context);
        if (changes.Count == 0 && pending.Messages.Count == 0)
        {
            return result;
        }

        var temporaryValues = TemporaryValues(context);
        pending.Saving = true;
        try
        {
            var saved = await SaveWithRowsAsync(context, changes, pending, cancellationToken).ConfigureAwait(false);
            context.ChangeTracker.AcceptAllChanges();
            pending.Messages.Clear();
            return InterceptionResult<int>.SuppressWithResult(saved);
        }
        catch
        {
            // EF Core takes back the generated values of a save that fails in its own part. When its part succeeded
            // and the outbox insert or the commit failed, the entries still hold keys the database never kept, and
            // the identity map would hand out an unsaved entity for a row another writer stores under that key.
            foreach (var (property, value) in temporaryValues)
            {
                if (!property.IsTemporary)
                {
                    property.CurrentValue = value;
                    property.IsTemporary = true;
                }
            }

            throw;
        }
        finally
        {
            pending.Saving = false;
        }
    }

    private async Task<int> SaveWithRowsAsync(
        DbContext context,
        List<ReplicatedChange> changes,
        PendingOutbox pending,
        CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (database.CurrentTransaction is { } userTransaction)
        {
            return await SaveInUserTransactionAsync(context, userTransaction, changes, pending, cancellationToken)
                .ConfigureAwait(false);
        }

        if (System.Transactions.Transaction.Current is not null)
        {
            // The connection enlists in the ambient transaction; whoever completes it decides the outcome.
            return await SaveAndWriteAsync(context, null, changes, pending, cancellationToken).ConfigureAwait(false);
        }

        var strategy = database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (Interceptor: this, Context: context, Changes: changes, Pending: pending),
            static async (_, state, token) =>
            {
                var transaction = await state.Context.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var saved = await state.Interceptor.SaveAndWriteAsync(
                        state.Context,
                        transaction,
                        state.Changes,
                        state.Pending,
                        token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return saved;
                }
            },
            verifySucceeded: null,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> SaveInUserTransactionAsync(
        DbContext context,
        IDbContextTransaction transaction,
        List<ReplicatedChange> changes,
        PendingOutbox pending,
        CancellationToken cancellationToken)
    {
        var savepoint = transaction.SupportsSavepoints;
        if (savepoint)
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var saved = await SaveAndWriteAsync(context, transaction, changes, pending, cancellationToken)
                .ConfigureAwait(false);
            if (savepoint)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }

            return saved;
        }
        catch when (savepoint)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<int> SaveAndWriteAsync(
        DbContext context,
        IDbContextTransaction? transaction,
        List<ReplicatedChange> changes,
        PendingOutbox pending,
        CancellationToken cancellationToken)
    {
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var saved = await context.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken)
                .ConfigureAwait(false);

            var rows = new List<NewRow>(changes.Count + pending.Messages.Count);
            foreach (var change in changes)
            {
                change.AddRows(rows);
            }

            rows.AddRange(pending.Messages);
            var now = extension.TimeProvider.GetUtcNow().UtcDateTime;
            await OutboxOptionsExtension.DialectFor(context).InsertAsync(
                database.GetDbConnection(),
                transaction?.GetDbTransaction(),
                rows,
                now,
                cancellationToken).ConfigureAwait(false);
            return saved;
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static List<(PropertyEntry Property, object? Value)> TemporaryValues(DbContext context)
    {
        var values = new List<(PropertyEntry, object?)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.IsTemporary)
                {
                    values.Add((property, property.CurrentValue));
                }
            }
        }

        return values;
    }

    private List<ReplicatedChange> CollectChanges(DbContext context)
    {
        var changes = new List<ReplicatedChange>();
        HashSet<object>? owners = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is not IReplicatedModel model)
            {
                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                && !(owners ??= OwnersOfChangedOwnedEntities(context)).Contains(entry.Entity))
            {
                continue;
            }

            extension.Registry.ValidateForWrite(model.Scope, model.Category);
            OutboxOptionsExtension.EnsureTable(context, model.Silo);
            if (_keyProblems.GetOrAdd(entry.Metadata, KeyProblem, model.ObjectIdentifierMember) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            // A deleted model's identity and payload are read now: after the save it is gone from the database.
            var captured = entry.State == EntityState.Deleted ? ReplicatedChange.RowsOf(model) : null;
            changes.Add(new ReplicatedChange(entry, model, captured));
        }

        return changes;
    }

    /// <summary>
    /// Why a replicated model cannot be saved through the outbox: its object identifier is read from one member,
    /// and the drain loads the model back by EF Core's primary key, so the two must be the same member.
    /// </summary>
    private static string? KeyProblem(IEntityType entityType, string member)
    {
        var key = entityType.FindPrimaryKey();
        if (key is { Properties: [{ } property] } && property.Name == member)
        {
            return null;
        }

        var actual = key is null
            ? "no primary key"
            : "the key " + string.Join(", ", key.Properties.Select(p => p.Name));
        return $"{entityType.ClrType.Name} has {actual} in the EF Core model, but its outbox rows take their object " +
            $"identifier from {member}. Mark the EF Core key member [Key] so the source generator reads it too, or " +
            $"make {member} the key.";
    }

    /// <summary>
    /// The entities that own (<c>OwnsOne</c>, <c>OwnsMany</c>, at any depth) an entity that was added, changed or
    /// deleted. EF Core saves such a change without marking the owner modified, but it is a change of the owner all
    /// the same, so a replicated owner writes its row.
    /// </summary>
    private static HashSet<object> OwnersOfChangedOwnedEntities(DbContext context)
    {
        var owners = new HashSet<object>(ReferenceEqualityComparer.Instance);
        List<EntityEntry>? entries = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Metadata.IsOwned()
                && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && FindOwner(entries ??= context.ChangeTracker.Entries().ToList(), entry) is { } owner)
            {
                owners.Add(owner.Entity);
            }
        }

        return owners;
    }

    private static EntityEntry? FindOwner(List<EntityEntry> entries, EntityEntry owned)
    {
        var current = owned;
        while (current.Metadata.IsOwned())
        {
            var ownership = current.Metadata.FindOwnership();
            if (ownership is null)
            {
                return null;
            }

            var dependent = current;
            var foreignKey = ownership.Properties
                .Select(p => dependent.State == EntityState.Deleted
                    ? dependent.Property(p.Name).OriginalValue
                    : dependent.Property(p.Name).CurrentValue)
                .ToArray();
            current = entries.FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                && ownership.PrincipalKey.Properties
                    .Select(p => e.Property(p.Name).CurrentValue)
                    .SequenceEqual(foreignKey));
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private sealed class ReplicatedChange(EntityEntry entry, IReplicatedModel model, List<NewRow>? captured)
    {
        public static List<NewRow> RowsOf(IReplicatedModel model)
        {
            var rows = new List<NewRow>(1);
            string? payload;
            try
            {
                payload = model.SerializePayload();
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"PayloadForUpdate of {model.GetType().Name} {model.ObjectIdentifier} threw, so the save was " +
                    $"rolled back: {exception.Message}",
                    exception);
            }

            if (model.Silo == OutboxSilo.Control)
            {
                foreach (var cell in model.TargetCells().Distinct(StringComparer.Ordinal))
                {
                    rows.Add(new NewRow(
                        OutboxSilo.Control,
                        model.Scope,
                        model.ShardIdentifier,
                        model.Category,
                        model.ObjectIdentifier,
                        cell,
                        payload));
                }
            }
            else
            {
                rows.Add(new NewRow(
                    OutboxSilo.Cell,
                    model.Scope,
                    model.ShardIdentifier,
                    model.Category,
                    model.ObjectIdentifier,
                    null,
                    payload));
            }

            return rows;
        }

        public void AddRows(List<NewRow> rows)
        {
            if (captured is not null)
            {
                rows.AddRange(captured);
                return;
            }

            // Until the changes are accepted, EF Core keeps database-generated values (an identity key) beside the
            // entity instead of in it. They are put into the entity while its rows are read, so the rows see the real
            // key as well as everything else the model holds (navigations, unmapped members), and taken out again
            // after: should the save fail, the entity must be as it was.
            var replaced = new List<(MemberInfo Member, object? Value)>();
            try
            {
                foreach (var property in entry.Properties)
                {
                    if (Writable(property.Metadata) is not { } member)
                    {
                        continue;
                    }

                    var held = property.Metadata.GetGetter().GetClrValueUsingContainingEntity(entry.Entity);
                    var current = property.CurrentValue;
                    if (!Equals(held, current))
                    {
                        replaced.Add((member, held));
                        Write(member, entry.Entity, current);
                    }
                }

                rows.AddRange(RowsOf(model));
            }
            finally
            {
                foreach (var (member, value) in replaced)
                {
                    Write(member, entry.Entity, value);
                }
            }
        }

        private static MemberInfo? Writable(IProperty property) =>
            property.IsShadowProperty() || property.IsIndexerProperty() ? null
            : property.FieldInfo is { IsStatic: false } field ? field
            : property.PropertyInfo is { CanWrite: true } clrProperty ? clrProperty
            : null;

        private static void Write(MemberInfo member, object entity, object? value)
        {
            if (member is FieldInfo field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                ((PropertyInfo)member).SetValue(entity, value);
            }
        }
    }
}
