using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OutboxGen.Generated;

namespace OutboxGen.Benchmarks;

/// <summary>
/// Writes a payload to a JSON string and reads it back, with OutboxGen's generated serializer and with
/// System.Text.Json's source-generated metadata (the baseline), for three payload sizes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PayloadBenchmarks
{
    private readonly string _idsJson = JsonSerializer.Serialize(Samples.Ids, StjContext.Default.IdsPayload);
    private readonly string _memberJson = JsonSerializer.Serialize(Samples.Member, StjContext.Default.MemberPayload);
    private readonly string _auditJson = JsonSerializer.Serialize(Samples.Audit, StjContext.Default.AuditEvent);

    /// <summary>Both sides must write the same text, or the comparison would be meaningless.</summary>
    [GlobalSetup]
    public void CheckBothWriteTheSameJson()
    {
        if (OutboxGenWriteIds() != StjWriteIds() || OutboxGenWriteMember() != StjWriteMember()
            || OutboxGenWriteAudit() != StjWriteAudit())
        {
            throw new InvalidOperationException("The generated serializer and System.Text.Json write different JSON.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Ids write")]
    public string StjWriteIds() => JsonSerializer.Serialize(Samples.Ids, StjContext.Default.IdsPayload);

    [Benchmark, BenchmarkCategory("Ids write")]
    public string OutboxGenWriteIds() => OutboxGen_Benchmarks_IdsPayloadSerializer.Instance.Serialize(Samples.Ids);

    [Benchmark(Baseline = true), BenchmarkCategory("Ids read")]
    public IdsPayload? StjReadIds() => JsonSerializer.Deserialize(_idsJson, StjContext.Default.IdsPayload);

    [Benchmark, BenchmarkCategory("Ids read")]
    public IdsPayload? OutboxGenReadIds() => OutboxGen_Benchmarks_IdsPayloadSerializer.Instance.Deserialize(_idsJson);

    [Benchmark(Baseline = true), BenchmarkCategory("Member write")]
    public string StjWriteMember() => JsonSerializer.Serialize(Samples.Member, StjContext.Default.MemberPayload);

    [Benchmark, BenchmarkCategory("Member write")]
    public string OutboxGenWriteMember() =>
        OutboxGen_Benchmarks_MemberPayloadSerializer.Instance.Serialize(Samples.Member);

    [Benchmark(Baseline = true), BenchmarkCategory("Member read")]
    public MemberPayload? StjReadMember() => JsonSerializer.Deserialize(_memberJson, StjContext.Default.MemberPayload);

    [Benchmark, BenchmarkCategory("Member read")]
    public MemberPayload? OutboxGenReadMember() =>
        OutboxGen_Benchmarks_MemberPayloadSerializer.Instance.Deserialize(_memberJson);

    [Benchmark(Baseline = true), BenchmarkCategory("Audit write")]
    public string StjWriteAudit() => JsonSerializer.Serialize(Samples.Audit, StjContext.Default.AuditEvent);

    [Benchmark, BenchmarkCategory("Audit write")]
    public string OutboxGenWriteAudit() => OutboxGen_Benchmarks_AuditEventSerializer.Instance.Serialize(Samples.Audit);

    [Benchmark(Baseline = true), BenchmarkCategory("Audit read")]
    public AuditEvent? StjReadAudit() => JsonSerializer.Deserialize(_auditJson, StjContext.Default.AuditEvent);

    [Benchmark, BenchmarkCategory("Audit read")]
    public AuditEvent? OutboxGenReadAudit() =>
        OutboxGen_Benchmarks_AuditEventSerializer.Instance.Deserialize(_auditJson);
}
