using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>phases.csv</c>: the seven neutrality phases, each once, in their order.</summary>
internal static class PhasesFile
{
    public const string Name = "phases.csv";

    public static readonly string[] Columns = ["id", "ordinal", "name_id", "name_en", "description_id", "description_en", "source"];

    public static List<Phase> Read(SeedTable? table, List<SeedProblem> problems)
    {
        var phases = new List<Phase>();
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Required("id", problems);
            if (id is not null && (!PhaseIds.All.Contains(id) || phases.Any(p => p.Id == id)))
            {
                problems.Add(row.Problem($"id '{id}' must be one of {string.Join(", ", PhaseIds.All)}, each once"));
            }

            var ordinal = row.PositiveInt("ordinal", problems);
            if (id is not null && ordinal is { } given && PhaseIds.All.Contains(id) && given != PhaseIds.All.ToList().IndexOf(id) + 1)
            {
                problems.Add(row.Problem($"phase '{id}' has ordinal {PhaseIds.All.ToList().IndexOf(id) + 1} in the phase order ({string.Join(", ", PhaseIds.All)})"));
            }

            var name = row.Localized("name", problems);
            var description = row.Localized("description", problems);
            var source = row.Required("source", problems);
            if (problems.Count == before)
            {
                phases.Add(new Phase(id!, ordinal!.Value, name!, description!, source!));
            }
        }

        if (table is not null)
        {
            foreach (var missing in PhaseIds.All.Except(phases.Select(p => p.Id)))
            {
                problems.Add(new SeedProblem(Name, 0, $"phase '{missing}' is missing"));
            }
        }

        return phases;
    }
}
