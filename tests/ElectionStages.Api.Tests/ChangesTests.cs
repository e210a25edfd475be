using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>The change feed: what each import changed, as JSON and as Atom, on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public class ChangesTests(SeededApiFixture fixture)
{
    [Fact]
    public async Task After_an_import_that_moves_one_stage_date_the_feed_names_that_stage_and_field_and_the_Atom_validates()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("changes");
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        using var seed = Repository.CopySeedData();
        var stages = await File.ReadAllTextAsync(seed.File("stages.csv"));
        // A sub-stage with no sub-stages of its own that bounds no phase ends a day earlier.
        var line = stages.Split('\n').First(l => l.StartsWith("pemilu-2024,penyusunan-peraturan-kpu,", StringComparison.Ordinal));
        await File.WriteAllTextAsync(seed.File("stages.csv"), stages.Replace(line, line.Replace(",2023-12-14,", ",2023-12-13,", StringComparison.Ordinal), StringComparison.Ordinal));
        var second = await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None);
        Assert.True(second.Succeeded, string.Join('\n', second.Problems));
        var unchanged = await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None);
        Assert.False(unchanged.Changed);

        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();
        var all = await client.GetJsonAsync("/v1/changes");
        var since1 = await client.GetJsonAsync("/v1/changes?since=1");

        Assert.Equal(2, (long)all["revision"]!);
        Assert.Equal([1L, 2L], all["changes"]!.AsArray().Select(c => (long)c!["revision"]!));
        Assert.True((bool)all["changes"]![0]!["initial"]!);
        var change = Assert.Single(since1["changes"]!.AsArray())!;
        var table = Assert.Single(change["tables"]!.AsArray())!;
        Assert.Equal("stages.csv", table.Str("file"));
        Assert.Empty(table["added"]!.AsArray());
        Assert.Empty(table["removed"]!.AsArray());
        var row = Assert.Single(table["changed"]!.AsArray())!;
        Assert.Equal("pemilu-2024/penyusunan-peraturan-kpu", row.Str("id"));
        Assert.Equal(["end"], row["fields"]!.AsArray().Select(f => (string)f!));

        using var atom = await client.GetAsync(new Uri("/v1/changes.atom", UriKind.Relative));
        var xml = await atom.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        AssertValidAtom(XDocument.Parse(xml));
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(2, feed.Items.Count());
        Assert.Contains("pemilu-2024/penyusunan-peraturan-kpu (end)", ((TextSyndicationContent)feed.Items.First().Content).Text, StringComparison.Ordinal);
        Assert.NotNull(atom.Headers.ETag);
    }

    [Fact]
    public async Task A_since_that_is_not_a_revision_is_a_400_naming_it()
    {
        var problem = await fixture.Client.GetJsonAsync("/v1/changes?since=yesterday", HttpStatusCode.BadRequest);

        Assert.Equal("since", problem.Str("parameter"));
    }

    /// <summary>RFC 4287: the feed and each entry have exactly one id, title and updated (RFC 3339), ids are absolute IRIs, and the feed has an author.</summary>
    private static void AssertValidAtom(XDocument document)
    {
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feed = document.Root!;
        Assert.Equal(a + "feed", feed.Name);
        foreach (var element in feed.Elements(a + "entry").Prepend(feed))
        {
            foreach (var name in new[] { "id", "title", "updated" })
            {
                Assert.Single(element.Elements(a + name));
            }

            Assert.True(Uri.TryCreate(element.Element(a + "id")!.Value, UriKind.Absolute, out _), element.Element(a + "id")!.Value);
            Assert.True(DateTimeOffset.TryParse(element.Element(a + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        }

        Assert.NotEmpty(feed.Elements(a + "author"));
        Assert.Contains(feed.Elements(a + "link"), l => (string?)l.Attribute("rel") == "self");
    }
}
