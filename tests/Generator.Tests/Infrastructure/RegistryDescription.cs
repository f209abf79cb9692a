namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>A loaded registry written as short strings, so a test can compare all of it at once.</summary>
internal static class RegistryDescription
{
    /// <summary>The scope numbers, in order.</summary>
    public static int[] ScopeNumbers(this OutboxRegistry registry) => registry.Scopes.Select(s => s.Value).ToArray();

    /// <summary>The category numbers, in order.</summary>
    public static int[] CategoryNumbers(this OutboxRegistry registry) =>
        registry.Categories.Select(c => c.Value).ToArray();

    /// <summary>Every binding as <c>silo category receiver</c>, e.g. <c>Cell 3 Shop.OrganizationMember</c>.</summary>
    public static string[] Bindings(this OutboxRegistry registry) =>
        registry.Receivers.Select(r => $"{r.Silo} {r.Category} {r.ReceiverName}").ToArray();
}
