using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Import;

/// <summary>The cells rules and authorities share: election kinds, a validity period, and a legal basis that must cover it.</summary>
internal static class LegalTime
{
    public static List<ElectionKind> ElectionKinds(SeedRow row, ICollection<SeedProblem> problems)
    {
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

        return kinds;
    }

    /// <summary><c>valid_from</c> (required) and <c>valid_to</c> (optional, not before it).</summary>
    public static (LocalDate? From, LocalDate? To) Validity(SeedRow row, string meaning, ICollection<SeedProblem> problems)
    {
        var from = row.Date("valid_from", problems);
        if (from is null && row.Optional("valid_from") is null)
        {
            problems.Add(row.Problem($"valid_from is required: {meaning}"));
        }

        var to = row.Date("valid_to", problems);
        if (from is { } start && to is { } end && end < start)
        {
            problems.Add(row.Problem($"valid_to {end:uuuu-MM-dd} is before valid_from {start:uuuu-MM-dd}"));
        }

        return (from, to);
    }

    /// <summary>
    /// <c>legal_basis</c>: every cited instrument exists and was in force on every day from <paramref name="from"/> to
    /// <paramref name="to"/>, so that no answer about a day cites a law that was not yet, or no longer, the law.
    /// </summary>
    public static List<LegalReference> LegalBasis(
        SeedRow row, IReadOnlyDictionary<string, Instrument> instruments, LocalDate? from, LocalDate? to, string remedy, ICollection<SeedProblem> problems)
    {
        var references = row.LegalReferences("legal_basis", problems, optional: true);
        foreach (var reference in references)
        {
            if (!instruments.TryGetValue(reference.InstrumentId, out var instrument))
            {
                problems.Add(row.Problem($"legal_basis cites '{reference.InstrumentId}', which is not in {InstrumentsFile.Name}"));
            }
            else if (from is { } start && !instrument.Covers(start, to))
            {
                problems.Add(row.Problem(
                    $"legal_basis cites {instrument.ShortName}, in force {Window(instrument.InForceFrom, instrument.InForceTo)}, " +
                    $"but this row holds {Window(start, to)}; {remedy}"));
            }
        }

        return references;
    }

    private static string Window(LocalDate from, LocalDate? to) =>
        to is { } end ? $"{from:uuuu-MM-dd} to {end:uuuu-MM-dd}" : $"from {from:uuuu-MM-dd}";
}
