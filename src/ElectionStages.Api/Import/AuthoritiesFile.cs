using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary>
/// <c>authorities.csv</c>: who supervises ASN neutrality, receives reports and imposes sanctions, in which period,
/// and how to reach them; legal basis checked against <c>instruments.csv</c> like a rule's.
/// </summary>
internal static class AuthoritiesFile
{
    public const string Name = "authorities.csv";

    public static readonly string[] Columns =
        ["id", "name_id", "name_en", "role_id", "role_en", "election_kinds", "valid_from", "valid_to", "channels",
         "legal_basis", "source", "confidence", "note_id", "note_en"];

    public static List<Authority> Read(SeedTable? table, List<Instrument> instruments, List<SeedProblem> problems)
    {
        var byInstrument = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var authorities = new List<Authority>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var name = row.Localized("name", problems);
            var role = row.Localized("role", problems);
            var kinds = LegalTime.ElectionKinds(row, problems);
            var (from, to) = LegalTime.Validity(row, "the first day of this role", problems);

            var channels = new List<Channel>();
            foreach (var item in row.OptionalList("channels"))
            {
                var bar = item.LastIndexOf('|');
                var (label, url) = bar < 0 ? ("", "") : (item[..bar].Trim(), item[(bar + 1)..].Trim());
                if (label.Length == 0 || !SeedRow.IsPublicUrl(url))
                {
                    problems.Add(row.Problem($"channel '{item}' must be 'label|https://…'"));
                }
                else
                {
                    channels.Add(new Channel(label, url));
                }
            }

            var legalBasis = LegalTime.LegalBasis(row, byInstrument, from, to, "split the row by period", problems);

            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            var note = row.OptionalLocalized("note", problems);
            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate authority id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                authorities.Add(new Authority(id!, name!, role!, kinds, from!.Value, to, channels, legalBasis, source!,
                    confidence!.Value, note));
            }
        }

        return authorities;
    }
}
