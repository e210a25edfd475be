using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ElectionStages.Api.Changes;

/// <summary>A row that an import changed.</summary>
/// <param name="Id">The row's key (a stage's is <c>election-id/stage-id</c>).</param>
/// <param name="Fields">The columns that changed.</param>
public sealed record RowChangeResponse(string Id, IReadOnlyList<string> Fields);

/// <summary>What one import changed in one seed file (<c>stages.csv</c>): row keys added, removed and changed.</summary>
/// <param name="File">The seed file, e.g. <c>stages.csv</c>.</param>
/// <param name="Added">The keys of the rows added.</param>
/// <param name="Removed">The keys of the rows removed.</param>
/// <param name="Changed">The rows changed, with the columns that changed.</param>
public sealed record TableChangeResponse(string File, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<RowChangeResponse> Changed);

/// <summary>One import that changed content: its revision, when, the seed files' SHA-256, and what it changed (<c>initial</c>: the first recorded import, everything added).</summary>
/// <param name="Revision">The data revision the import created.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="ContentSha256">The SHA-256 of the seed files' names and bytes, hex.</param>
/// <param name="Initial">True for the first recorded import, in which every row counts as added.</param>
/// <param name="Tables">What it changed, per seed file.</param>
public sealed record ChangeResponse(long Revision, Instant ImportedAt, string ContentSha256, bool Initial, IReadOnlyList<TableChangeResponse> Tables)
{
    internal static ChangeResponse From(DataChange c) => new(
        c.Revision, c.ImportedAt, c.ContentSha256, c.Initial,
        [.. c.Tables.Select(t => new TableChangeResponse(t.File, t.Added, t.Removed, [.. t.Changed.Select(r => new RowChangeResponse(r.Id, r.Fields))]))]);
}

/// <summary>The changes after revision <c>since</c>, oldest first, and the current revision.</summary>
/// <param name="Revision">The current data revision.</param>
/// <param name="Since">The revision asked from (<c>since</c>).</param>
/// <param name="Changes">The imports after it that changed content, oldest first.</param>
public sealed record ChangesResponse(long Revision, long Since, IReadOnlyList<ChangeResponse> Changes);

/// <summary><c>/v1/changes</c>: what each import changed, as JSON for integrators and as an Atom feed for people.</summary>
internal static class ChangesEndpoints
{
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    private static readonly string[] Atom = ["application/atom+xml"];

    /// <summary>The most recent imports an Atom feed shows.</summary>
    private const int AtomEntries = 50;

    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder v1)
    {
        v1.MapGet("/changes", List)
            .WithTags("Changes")
            .WithName("ListChanges")
            .WithSummary("What changed in the data, import by import")
            .WithDescription(
                "Every import that changed content since revision `since` (default 0: all recorded), oldest first: the " +
                "revision, when, the seed files' digest, and per seed file the row keys added, removed and changed with " +
                "the changed columns (a stage's key is `election-id/stage-id`).")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapGet("/changes.atom", Feed)
            .WithTags("Changes")
            .WithName("GetChangesFeed")
            .WithSummary("The changes as an Atom feed")
            .WithDescription("The most recent imports that changed content, one Atom entry each, in Indonesian and English.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(Atom);
        return v1;
    }

    private static Results<RepresentationResult<ChangesResponse>, ProblemHttpResult> List(string? since, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        long after = 0;
        if (since is not null && (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return Problems.InvalidParameter("since", new LocalizedText(
                $"'{Problems.Shorten(since)}' bukan nomor revisi (bilangan bulat mulai 0)",
                $"'{Problems.Shorten(since)}' is not a revision number (a whole number from 0)"));
        }

        return request.Responder.Answer(
            snapshot,
            $"changes|{after}",
            () => new ChangesResponse(snapshot.Revision, after, [.. snapshot.Changes.Where(c => c.Revision > after).Select(ChangeResponse.From)]));
    }

    private static RepresentationResult<string> Feed([AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        var origin = $"{request.Context.Request.Scheme}://{request.Context.Request.Host}";
        return request.Responder.Cached<string>(snapshot, $"changes.atom|{origin}", () => new Representation(AtomBytes(snapshot, origin), AtomContentType, snapshot));
    }

    private static byte[] AtomBytes(CalendarSnapshot snapshot, string origin)
    {
        var updated = (snapshot.Changes.Count > 0 ? snapshot.Changes[^1].ImportedAt : snapshot.ImportedAt).ToDateTimeOffset();
        var feed = new SyndicationFeed(
            "ElectionStages: perubahan data · data changes",
            "Setiap impor yang mengubah data tahapan dan aturan netralitas ASN · Every import that changed the stage and ASN neutrality data",
            new Uri($"{origin}/"),
            $"{origin}/v1/changes.atom",
            updated);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri($"{origin}/v1/changes.atom"), "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = "ElectionStages" });
        feed.Items = [.. snapshot.Changes.Reverse().Take(AtomEntries).Select(change => Entry(change, origin))];

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(writer);
        }

        return output.ToArray();
    }

    private static SyndicationItem Entry(DataChange change, string origin)
    {
        var rows = change.Tables.Sum(t => t.Added.Count + t.Removed.Count + t.Changed.Count);
        var title = change.Initial
            ? $"Revisi {change.Revision}: impor pertama yang tercatat ({rows} baris) · Revision {change.Revision}: first recorded import ({rows} rows)"
            : $"Revisi {change.Revision}: {rows} baris berubah · Revision {change.Revision}: {rows} rows changed";
        var text = new StringBuilder();
        foreach (var table in change.Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"{table.File}: +{table.Added.Count} / -{table.Removed.Count} / ~{table.Changed.Count}\n");
            if (!change.Initial)
            {
                foreach (var id in table.Added)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  ditambah · added: {id}\n");
                }

                foreach (var id in table.Removed)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  dihapus · removed: {id}\n");
                }

                foreach (var row in table.Changed)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  diubah · changed: {row.Id} ({string.Join(", ", row.Fields)})\n");
                }
            }
        }

        var link = new Uri($"{origin}/v1/changes?since={change.Revision - 1}");
        var item = new SyndicationItem(title, text.ToString(), link, $"{origin}/v1/changes#revision-{change.Revision}", change.ImportedAt.ToDateTimeOffset())
        {
            PublishDate = change.ImportedAt.ToDateTimeOffset(),
        };
        return item;
    }
}
