using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

/// <summary>
/// EF Core saves a change to an owned entity without marking its owner modified; the owner's row is written anyway.
/// </summary>
public sealed class OwnedEntityTests
{
    [Fact]
    public async Task Changing_only_an_owned_entity_writes_the_owners_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await AddProfileAsync(db);
        await using var context = db.CreateContext();
        var profile = await context.Profiles.FindAsync(id);
        profile!.Address.City = "Vienna";

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(id, row.ObjectIdentifier);
        Assert.Equal("""{"city":"Vienna","latitude":48.2,"links":1}""", row.Payload);
    }

    [Fact]
    public async Task Changing_an_owned_entity_two_levels_down_writes_the_owners_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await AddProfileAsync(db);
        await using var context = db.CreateContext();
        var profile = await context.Profiles.FindAsync(id);
        profile!.Address.Geo.Latitude = 47.1;

        await context.SaveChangesAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal("""{"city":"Graz","latitude":47.1,"links":1}""", row.Payload);
    }

    [Fact]
    public async Task Adding_and_removing_owned_collection_items_writes_the_owners_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await AddProfileAsync(db);
        await using (var adding = db.CreateContext())
        {
            var profile = await adding.Profiles.FindAsync(id);
            profile!.Links.Add(new Link { Url = "https://example.org/b" });
            await adding.SaveChangesAsync();
        }

        await using (var removing = db.CreateContext())
        {
            var profile = await removing.Profiles.FindAsync(id);
            profile!.Links.Clear();
            await removing.SaveChangesAsync();
        }

        var rows = await db.CellRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(id, row.ObjectIdentifier));
        Assert.Equal("""{"city":"Graz","latitude":48.2,"links":2}""", rows[0].Payload);
        Assert.Equal("""{"city":"Graz","latitude":48.2,"links":0}""", rows[1].Payload);
    }

    [Fact]
    public async Task Loading_an_owner_without_changing_it_writes_no_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await AddProfileAsync(db);
        await using var context = db.CreateContext();
        _ = await context.Profiles.FindAsync(id);

        await context.SaveChangesAsync();

        Assert.Empty(await db.CellRowsAsync());
    }

    /// <summary>Adds a profile and clears the outbox, so a test sees only the rows of its own change.</summary>
    private static async Task<long> AddProfileAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var profile = new Profile
        {
            OrganizationId = 7,
            Address = new Address { City = "Graz", Geo = new Geo { Latitude = 48.2 } },
            Links = [new Link { Url = "https://example.org/a" }],
        };
        context.Profiles.Add(profile);
        await context.SaveChangesAsync();
        await db.ExecuteAsync("DELETE FROM cell_outbox");
        return profile.Id;
    }
}
