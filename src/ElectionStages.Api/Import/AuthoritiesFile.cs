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
            var kinds = new List<ElectionKind>();
            foreach (var word in row.List("election_kinds", problems))
            {
                if (Vocabulary<ElectionKind>.ByWord.TryGetValue(word, out var kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    problems.Add(row.Problem($"election kind '{word}' is not one of pemilu, pilkada"));
                }
            }

            var from = row.Date("valid_from", problems);
            if (from is null && row.Optional("valid_from") is null)
            {
                problems.Add(row.Problem("valid_from is required"));
            }

            var to = row.Date("valid_to", problems);
            if (from is { } start && to is { } end && end < start)
            {
                problems.Add(row.Problem($"valid_to {end:uuuu-MM-dd} is before valid_from {start:uuuu-MM-dd}"));
            }

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

            var legalBasis = row.LegalReferences("legal_basis", problems, optional: true);
            foreach (var reference in legalBasis)
            {
                if (!byInstrument.TryGetValue(reference.InstrumentId, out var instrument))
                {
                    problems.Add(row.Problem($"legal_basis cites '{reference.InstrumentId}', which is not in {InstrumentsFile.Name}"));
                }
                else if (from is { } first && !instrument.Covers(first, to))
                {
                    problems.Add(row.Problem($"legal_basis cites {instrument.ShortName}, which was not in force on every day of this row"));
                }
            }

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
