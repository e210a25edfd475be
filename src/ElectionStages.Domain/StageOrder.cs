namespace ElectionStages.Domain;

/// <summary>Orders the stages of one election depth-first: a main stage, then its sub-stages, by ordinal.</summary>
public static class StageOrder
{
    public static List<Stage> InScheduleOrder(IEnumerable<Stage> stagesOfOneElection)
    {
        var byParent = stagesOfOneElection.ToLookup(s => s.ParentId ?? string.Empty, StringComparer.Ordinal);
        var ordered = new List<Stage>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Visit(string.Empty);
        return ordered;

        void Visit(string parentId)
        {
            foreach (var stage in byParent[parentId].OrderBy(s => s.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal))
            {
                if (!visited.Add(stage.Id))
                {
                    continue;
                }

                ordered.Add(stage);
                Visit(stage.Id);
            }
        }
    }
}
