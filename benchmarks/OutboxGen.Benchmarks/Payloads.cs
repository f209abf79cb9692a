using System.Text.Json;
using System.Text.Json.Serialization;
using OutboxGen;

namespace OutboxGen.Benchmarks;

public enum BenchmarkScope
{
    [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
}

public enum BenchmarkCategory
{
    [OutboxCategory(BenchmarkScope.Organization)] Ids = 0,
    [OutboxCategory(BenchmarkScope.Organization)] MemberUpdate = 1,
    [OutboxCategory(BenchmarkScope.Organization)] AuditLogEvent = 2,
}

/// <summary>The smallest payload: identifiers only.</summary>
public sealed record IdsPayload(long OrganizationId, long UserId, long ProjectId);

/// <summary>A typical replication payload: a member's replicated columns.</summary>
public sealed record MemberPayload(
    long Id,
    long OrganizationId,
    long? UserId,
    string Email,
    string Role,
    bool IsActive,
    DateTime DateJoined,
    Guid? InviteId,
    IReadOnlyList<string> TeamSlugs);

/// <summary>An audit event with a nested list of changes.</summary>
public sealed record AuditEvent(
    long EventId,
    long OrganizationId,
    string Action,
    AuditActor Actor,
    DateTime OccurredAt,
    string? IpAddress,
    IReadOnlyList<AuditChange> Changes,
    Dictionary<string, string> Data);

public sealed record AuditActor(long UserId, string Email, string Name);

public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>The receivers make the generator meet the payload types; the benchmarks never drain.</summary>
public static class BenchmarkReceivers
{
    [OutboxReceiver(BenchmarkCategory.Ids)]
    public static Task OnIdsAsync(IdsPayload payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(BenchmarkCategory.MemberUpdate)]
    public static Task OnMemberAsync(MemberPayload payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;

    [OutboxReceiver(BenchmarkCategory.AuditLogEvent)]
    public static Task OnAuditAsync(AuditEvent payload, OutboxMessage message, CancellationToken ct) =>
        Task.CompletedTask;
}

/// <summary>System.Text.Json's source-generated metadata for the same types, with the same web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IdsPayload))]
[JsonSerializable(typeof(MemberPayload))]
[JsonSerializable(typeof(AuditEvent))]
public sealed partial class StjContext : JsonSerializerContext;

/// <summary>The values every benchmark writes and reads.</summary>
public static class Samples
{
    public static readonly IdsPayload Ids = new(1_204_331, 88_310_442, 4_504_806_291_898_368);

    public static readonly MemberPayload Member = new(
        93_212_004,
        1_204_331,
        88_310_442,
        "ada.lovelace@example.com",
        "admin",
        true,
        new DateTime(2024, 11, 3, 9, 41, 12, 123, DateTimeKind.Utc),
        Guid.Parse("2f9c1d5e-77a4-4c1b-9a55-0d3e4b8a9f10"),
        ["backend", "payments", "on-call"]);

    public static readonly AuditEvent Audit = new(
        5_120_998_317,
        1_204_331,
        "member.role-changed",
        new AuditActor(88_310_442, "ada.lovelace@example.com", "Ada Lovelace"),
        new DateTime(2024, 11, 3, 9, 41, 12, 123, DateTimeKind.Utc),
        "203.0.113.17",
        Enumerable.Range(0, 10)
            .Select(i => new AuditChange("field" + i, i % 3 == 0 ? null : "before value " + i, "after value " + i))
            .ToArray(),
        new Dictionary<string, string>
        {
            ["request_id"] = "9b1de5e3c2a74f0e",
            ["user_agent"] = "Mozilla/5.0 (X11; Linux x86_64)",
            ["reason"] = "promoted to admin",
        });
}
