using System.Text.Json.Serialization;

// Payload types of every supported shape. The generator runs on this project too, so each type reached from a
// receiver below gets a serializer in OutboxGen.Generated that the round-trip tests call directly.
namespace OutboxGen.Generator.Tests.Payloads.Fixtures;

public enum FixtureScope
{
    [OutboxScope(ShardKey = "OrganizationId")] Fixtures = 9200,
}

public enum FixtureCategory
{
    [OutboxCategory(FixtureScope.Fixtures)] Everything = 9200,
    [OutboxCategory(FixtureScope.Fixtures)] Audit = 9201,
    [OutboxCategory(FixtureScope.Fixtures)] AuditBatch = 9202,
    [OutboxCategory(FixtureScope.Fixtures)] Text = 9203,
    [OutboxCategory(FixtureScope.Fixtures)] Number = 9204,
    [OutboxCategory(FixtureScope.Fixtures)] MaybeMoney = 9205,
    [OutboxCategory(FixtureScope.Fixtures)] Unsupported = 9206,
}

public enum Color
{
    Red = 1,
    Green = 2,
    Blue = 4,
}

public enum Huge : ulong
{
    Small = 1,
    Largest = ulong.MaxValue,
}

public enum Tiny : byte
{
    Zero,
    One,
}

/// <summary>Every scalar type, as settable properties of a class.</summary>
public sealed class Scalars
{
    public string Text { get; set; } = "";

    public string? MaybeText { get; set; }

    public bool Flag { get; set; }

    public sbyte SmallSigned { get; set; }

    public byte SmallUnsigned { get; set; }

    public short Short { get; set; }

    public ushort UnsignedShort { get; set; }

    public int Int { get; set; }

    public uint UnsignedInt { get; set; }

    public long Long { get; set; }

    public ulong UnsignedLong { get; set; }

    public float Single { get; set; }

    public double Double { get; set; }

    public decimal Decimal { get; set; }

    public Guid Id { get; set; }

    public DateTime When { get; set; }

    public DateTimeOffset At { get; set; }

    public TimeSpan Duration { get; set; }

    public Color Color { get; set; }

    public Huge Huge { get; set; }

    public Tiny Tiny { get; set; }

    public int? MaybeInt { get; set; }

    public Guid? MaybeId { get; set; }

    public DateTime? MaybeWhen { get; set; }

    public Color? MaybeColor { get; set; }

    public byte[] Bytes { get; set; } = [];

    public byte[]? MaybeBytes { get; set; }
}

/// <summary>Arrays, lists, read-only lists and dictionaries, nested and of objects.</summary>
public sealed class Collections
{
    public int[] Numbers { get; set; } = [];

    public List<string> Names { get; set; } = [];

    public List<string?> MaybeNames { get; set; } = [];

    public IReadOnlyList<Change> Changes { get; set; } = [];

    public IReadOnlyCollection<Color> Colors { get; set; } = [];

    public IList<Guid> Ids { get; set; } = [];

    public ICollection<double> Measures { get; set; } = [];

    public IEnumerable<long> Sequence { get; set; } = [];

    public List<List<int>> Matrix { get; set; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];

    public IReadOnlyDictionary<string, Change?> ByField { get; set; } = new Dictionary<string, Change?>();

    public IDictionary<string, string?> Labels { get; set; } = new Dictionary<string, string?>();

    public Dictionary<string, List<int>>? MaybeGroups { get; set; }

    public Point[] Points { get; set; } = [];
}

/// <summary>An audit event with a nested list, as a positional record.</summary>
public sealed record AuditEvent(
    long EventId,
    string Action,
    Actor Actor,
    IReadOnlyList<Change> Changes,
    DateTime OccurredAt,
    string? Note = null,
    int Attempt = 1);

public sealed record Actor(long UserId, string Email);

public sealed record Change(string Field, string? Before, string? After);

/// <summary>A mutable struct read through its default constructor and setters.</summary>
public struct Point
{
    public int X { get; set; }

    public int Y { get; set; }
}

/// <summary>A readonly record struct: read through the default constructor and init accessors.</summary>
public readonly record struct Money(decimal Amount, string Currency);

/// <summary>Required, init-only, renamed, ignored and read-only members.</summary>
public sealed class Settings
{
    public required string Name { get; init; }

    public required int Level { get; set; }

    public string Theme { get; init; } = "light";

    public int Retries { get; set; } = 3;

    [JsonPropertyName("max_size")]
    public long MaxSize { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "hidden";

    public int DoubleLevel => Level * 2;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Optional { get; set; }

    public string URLValue { get; set; } = "";

    public Point Origin { get; set; }

    public Money? Budget { get; set; }

    [JsonRequired]
    public string Owner { get; set; } = "";
}

public class BaseEvent
{
    public long Id { get; set; }

    public string Source { get; set; } = "";
}

/// <summary>Inherited members are written after the type's own, as System.Text.Json does.</summary>
public sealed class DerivedEvent : BaseEvent
{
    public string Kind { get; set; } = "";
}

/// <summary>A constructor chosen by <c>[JsonConstructor]</c> over the parameterless one.</summary>
public sealed class Chosen
{
    public Chosen()
    {
        Label = "unset";
    }

    [JsonConstructor]
    public Chosen(int number, string label)
    {
        Number = number;
        Label = label;
    }

    public int Number { get; }

    public string Label { get; }
}

/// <summary>The root that reaches every shape above.</summary>
public sealed record Everything(
    Scalars Scalars,
    Collections Collections,
    AuditEvent Audit,
    Settings Settings,
    DerivedEvent Derived,
    Point Point,
    Money Money,
    Chosen Chosen,
    Everything? Inner);

/// <summary>A payload the generator cannot handle: it falls back to reflection, and the analyzer says why.</summary>
public sealed class WithCallback
{
    public Func<int>? Callback { get; set; }
}

public static class FixtureReceivers
{
    [OutboxReceiver(FixtureCategory.Everything)]
    public static Task OnEverythingAsync(Everything payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.Audit)]
    public static Task OnAuditAsync(AuditEvent payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.AuditBatch)]
    public static Task OnAuditBatchAsync(List<AuditEvent> payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.Text)]
    public static Task OnTextAsync(string payload, OutboxMessage message, CancellationToken ct) => Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.Number)]
    public static Task OnNumberAsync(long payload, OutboxMessage message, CancellationToken ct) => Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.MaybeMoney)]
    public static Task OnMaybeMoneyAsync(Money? payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(FixtureCategory.Unsupported)]
    public static Task OnUnsupportedAsync(WithCallback payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;
}
