using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>Properties every row of the imported seed must have, checked through the API for every election.</summary>
[Collection(DatabaseCollection.Name)]
public class SeedInvariantsTests(SeededApiFixture fixture)
{
    private static readonly string[] Confidences = ["high", "medium", "low"];

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
    public async Task Every_stage_starts_on_or_before_its_end_or_has_a_rule_instead()
    {
        foreach (var (election, stage) in await AllStagesAsync())
        {
            var (start, end) = (stage.Str("start"), stage.Str("end"));
            if (start is null || end is null)
            {
                Assert.True(start is null && end is null, $"{election}/{stage.Str("id")}: one date without the other");
                Assert.False(string.IsNullOrWhiteSpace(stage.Str("ruleText")), $"{election}/{stage.Str("id")}: no dates and no rule text");
            }
            else
            {
                Assert.True(string.CompareOrdinal(start, end) <= 0, $"{election}/{stage.Str("id")}: {start} after {end}");
            }
        }
    }

    [Fact]
    public async Task Every_dated_sub_stage_lies_inside_its_nearest_dated_ancestor()
    {
        var stages = await AllStagesAsync();
        var byKey = stages.ToDictionary(s => (s.Election, s.Stage.Str("id")!));
        foreach (var (election, stage) in stages.Where(s => s.Stage.Str("start") is not null))
        {
            var parentId = stage.Str("parentId");
            while (parentId is not null && byKey[(election, parentId)].Stage.Str("start") is null)
            {
                parentId = byKey[(election, parentId)].Stage.Str("parentId");
            }

            if (parentId is null)
            {
                continue;
            }

            var parent = byKey[(election, parentId)].Stage;
            Assert.True(
                string.CompareOrdinal(parent.Str("start"), stage.Str("start")) <= 0 && string.CompareOrdinal(stage.Str("end"), parent.Str("end")) <= 0,
                $"{election}/{stage.Str("id")} {stage.Str("start")}..{stage.Str("end")} outside {parentId} {parent.Str("start")}..{parent.Str("end")}");
        }
    }

    [Fact]
    public async Task Every_stage_names_its_source_reference_and_confidence_in_both_languages()
    {
        foreach (var (election, stage) in await AllStagesAsync())
        {
            var what = $"{election}/{stage.Str("id")}";
            Assert.False(string.IsNullOrWhiteSpace(stage.Str("source")), $"{what}: no source");
            Assert.False(string.IsNullOrWhiteSpace(stage.Str("sourceRef")), $"{what}: no source reference");
            Assert.Contains(stage.Str("confidence"), Confidences);
            Assert.False(string.IsNullOrWhiteSpace((string?)stage["name"]!["id"]), $"{what}: no Indonesian name");
            Assert.False(string.IsNullOrWhiteSpace((string?)stage["name"]!["en"]), $"{what}: no English name");
        }
    }

    [Fact]
    public async Task Every_low_confidence_stage_says_why_in_its_note_or_rule_text()
    {
        foreach (var (election, stage) in (await AllStagesAsync()).Where(s => s.Stage.Str("confidence") == "low"))
        {
            Assert.False(
                string.IsNullOrWhiteSpace(stage.Str("note")) && string.IsNullOrWhiteSpace(stage.Str("ruleText")),
                $"{election}/{stage.Str("id")}: low confidence without an explanation");
        }
    }

    [Fact]
    public async Task Every_sub_stage_of_a_stage_that_was_not_held_was_not_held_either()
    {
        var stages = await AllStagesAsync();
        var status = stages.ToDictionary(s => (s.Election, s.Stage.Str("id")!), s => s.Stage.Str("status"));
        foreach (var (election, stage) in stages.Where(s => s.Stage.Str("parentId") is not null))
        {
            if (status[(election, stage.Str("parentId")!)] == "not-held")
            {
                Assert.Equal("not-held", stage.Str("status"));
            }
        }
    }

    [Fact]
    public async Task Stage_ids_are_unique_slugs_within_each_election()
    {
        foreach (var group in (await AllStagesAsync()).GroupBy(s => s.Election))
        {
            var ids = group.Select(s => s.Stage.Str("id")!).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
        }
    }
}
