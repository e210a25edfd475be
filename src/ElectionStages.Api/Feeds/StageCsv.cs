using System.Globalization;
using System.Text;
using CsvHelper;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// A schedule as CSV (RFC 4180, UTF-8, header row): the columns of <c>seed-data/stages.csv</c> in their order, then
/// <c>level</c> and <c>outline</c> (<see cref="StageOutline"/>), which the seed files do not have because they follow
/// from <c>parent_id</c> and <c>ordinal</c>. With <c>bom</c> the file starts with a UTF-8 byte order mark, which
/// Excel needs to read UTF-8 (without it "§" shows as "Â§"); without, it is plain UTF-8 as RFC 4180 tools expect.
/// </summary>
internal static class StageCsv
{
    private static readonly string[] Columns =
    [
        "election_id", "id", "parent_id", "ordinal", "name_id", "name_en", "start", "end", "rule_text_id",
        "rule_text_en", "status", "basis", "source", "source_ref", "confidence", "note_id", "note_en", "level", "outline",
    ];

    public static byte[] Write(IEnumerable<Stage> stages, bool bom = false)
    {
        var rows = stages.ToList();
        var positions = StageOutline.Of(rows);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var stage in rows)
            {
                var position = positions[(stage.ElectionId, stage.Id)];
                csv.WriteField(stage.ElectionId);
                csv.WriteField(stage.Id);
                csv.WriteField(stage.ParentId);
                csv.WriteField(stage.Ordinal);
                csv.WriteField(stage.Name.Id);
                csv.WriteField(stage.Name.En);
                csv.WriteField(stage.Dates?.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(stage.Dates?.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(stage.RuleText?.Id);
                csv.WriteField(stage.RuleText?.En);
                csv.WriteField(Vocabulary<StageStatus>.Word(stage.Status));
                csv.WriteField(Vocabulary<StageBasis>.Word(stage.Basis));
                csv.WriteField(stage.Source);
                csv.WriteField(stage.SourceRef);
                csv.WriteField(Vocabulary<Confidence>.Word(stage.Confidence));
                csv.WriteField(stage.Note?.Id);
                csv.WriteField(stage.Note?.En);
                csv.WriteField(position.Level);
                csv.WriteField(position.Outline);
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
