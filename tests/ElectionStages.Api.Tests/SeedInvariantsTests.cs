using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// What the served seed must hold that the import does not refuse on its own, checked through the API for every
/// election. Row rules the import enforces (dates in order, sub-stages inside their parents, sources, confidence,
/// names in both languages, not-held sub-stages, unique slugs) are tested where they can fail: each has a bad row in
/// <see cref="SeedValidationTests.BadRows"/>.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class SeedInvariantsTests(SeededApiFixture fixture)
{
    private async Task<List<(string Election, JsonNode Stage)>> AllStagesAsync()
    {
        var all = new List<(string, JsonNode)>();
        foreach (var election in (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray().OfType<JsonNode>())
        {
            var id = election.Str("id")!;
            var stages = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/stages");
            Assert.Equal((int)election["stageCount"]!, stages["stages"]!.AsArray().Count);
            all.AddRange(stages["stages"]!.AsArray().Select(s => (id, s!)));
        }

        return all;
    }

    [Fact]
    public async Task The_seed_holds_both_general_elections_with_about_a_hundred_rows_for_2024()
    {
        var stages = await AllStagesAsync();

        Assert.True(stages.Count(s => s.Election == "pemilu-2024") >= 100, "Pemilu 2024 should have some hundred stage rows");
        Assert.Contains(stages, s => s.Election == "pemilu-2019");
    }

    [Fact]
    public async Task Every_low_confidence_stage_says_why_in_its_note_or_rule_text()
    {
        foreach (var (election, stage) in (await AllStagesAsync()).Where(s => s.Stage.Str("confidence") == "low"))
        {
            Assert.False(
                stage["note"] is null && stage["ruleText"] is null,
                $"{election}/{stage.Str("id")}: low confidence without an explanation");
        }
    }
}
