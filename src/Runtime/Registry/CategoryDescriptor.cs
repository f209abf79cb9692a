namespace OutboxGen;

/// <summary>A category as declared in the user's category enum.</summary>
/// <param name="Value">The category's number, stored in <c>category</c>.</param>
/// <param name="Name">The enum member's name.</param>
/// <param name="Scope">The number of the scope the category belongs to.</param>
/// <param name="Retired">Whether the category is kept only so its number is never reused.</param>
public sealed record CategoryDescriptor(int Value, string Name, int Scope, bool Retired);
