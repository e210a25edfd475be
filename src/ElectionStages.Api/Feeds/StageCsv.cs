using System.Globalization;
using System.Text;
using CsvHelper;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// A schedule as CSV (RFC 4180, UTF-8, header row), in the same columns as <c>seed-data/stages.csv</c>, so a
/// spreadsheet or the import reads it back as it is.
/// </summary>
internal static class StageCsv
{
    public static byte[] Write(IEnumerable<Stage> stages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in new[]
                     {
                         "election_id", "id", "parent_id", "ordinal", "name_id", "name_en", "start", "end", "rule_text_id",
                         "rule_text_en", "status", "basis", "source", "source_ref", "confidence", "note_id", "note_en",
                     })
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var stage in stages)
            {
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
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
