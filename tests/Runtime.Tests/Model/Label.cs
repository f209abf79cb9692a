namespace OutboxGen.Tests.Model;

/// <summary>An ordinary entity with a unique name, used to make a save fail in the database.</summary>
public sealed class Label
{
    public long Id { get; set; }

    public string Name { get; set; } = "";
}
