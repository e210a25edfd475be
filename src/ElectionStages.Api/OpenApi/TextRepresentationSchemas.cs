using System.Text.Json.Nodes;
using ElectionStages.Api.Representations;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// The file representations of the schedules. CSV and iCalendar are text files and XLSX a binary one, not the JSON
/// shape of the same resource; they come with a <c>Content-Disposition</c> file name. The <c>.{format}</c> routes take
/// one of the suffixes of <see cref="MediaTypes.BySuffix"/>, and <c>bom</c> is a boolean that only changes the CSV.
/// </summary>
internal sealed class TextRepresentationSchemas : IOperationFilter
{
    private static readonly Dictionary<string, Func<OpenApiSchema>> Schemas = new(StringComparer.Ordinal)
    {
        [MediaTypes.Csv] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description =
                "RFC 4180 CSV with a header row, one row per stage: the columns of seed-data/stages.csv in their order, " +
                "then `level` (1 = main stage, 2 = sub-stage, …) and `outline` (the ordinals from the main stage down, " +
                "e.g. `6.2`). UTF-8; with `bom=true` it starts with a byte order mark, for Excel.",
        },
        [MediaTypes.Calendar] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description =
                "RFC 5545 iCalendar: one all-day VEVENT per dated stage that was held; UID `stage-id@election-id`; " +
                "CATEGORIES the election's short label and `Tahapan utama (main stage)` or `Sub-tahapan (sub-stage)`; " +
                "STATUS TENTATIVE for low confidence, else CONFIRMED; REFRESH-INTERVAL P1D. In a region's calendar each " +
                "SUMMARY starts with the election (`Pemilu 2024: Masa tenang`).",
        },
        [MediaTypes.Xlsx] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "binary",
            Description =
                "Excel workbook. Sheet `Tahapan`: one row per stage and sub-stage, headers in Indonesian with the " +
                "English in brackets, level and outline columns, start and end as dates, medium and low confidence " +
                "marked in `Belum pasti (Uncertain)` and filled yellow or orange. Sheet `Keterangan` explains it.",
        },
    };

    private const string FileFormatSchemaId = "FileFormat";

    private static bool IsFileRoute(OpenApiOperation operation) =>
        operation.Parameters?.Any(p => p.Name == "format" && p.In == ParameterLocation.Path) == true;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var producesFiles = false;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            foreach (var (mediaType, content) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (Schemas.TryGetValue(mediaType, out var schema) && content is OpenApiMediaType media)
                {
                    media.Schema = schema();
                    producesFiles |= status == "200";
                }
            }

            // A .{format} route is a download: its 200 is a file whichever type it is, JSON included (the same document as
            // the route without a suffix, which keeps the typed schema). Declared as binary, generated clients hand the
            // file over as it is (NSwag a FileResponse, Kiota a Stream) instead of reading only the JSON.
            if (status == "200" && IsFileRoute(operation))
            {
                foreach (var (mediaType, content) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    if (content is OpenApiMediaType media)
                    {
                        media.Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Format = "binary",
                            Description = (media.Schema as OpenApiSchema)?.Description ??
                                "The JSON document of the same resource without the suffix, as a file.",
                        };
                    }
                }
            }

            if (status == "200" && producesFiles)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Content-Disposition"] = new OpenApiHeader
                {
                    Description =
                        "With CSV and XLSX `attachment`, with iCalendar `inline`, and a file name that says what it is: " +
                        "`pemilu-2024-tahapan.csv`, `kalender-33.03-kabupaten-purbalingga.ics`. Not sent with JSON.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        if (!producesFiles)
        {
            return;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            switch (parameter.Name)
            {
                case "format" when parameter.In == ParameterLocation.Path:
                    parameter.Description = "The file type: `json`, `csv`, `ics` (iCalendar) or `xlsx` (Excel).";
                    // One named enum for every file route, so a generated client has one FileFormat type.
                    if (!context.SchemaRepository.Schemas.ContainsKey(FileFormatSchemaId))
                    {
                        context.SchemaRepository.AddDefinition(FileFormatSchemaId, new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = "A file type by its suffix: `json`, `csv`, `ics` (iCalendar) or `xlsx` (Excel).",
                            Enum = [.. MediaTypes.Suffixes.Select(suffix => (JsonNode)JsonValue.Create(suffix))],
                        });
                    }

                    parameter.Schema = new OpenApiSchemaReference(FileFormatSchemaId, context.Document);
                    break;
                case "bom" when parameter.In == ParameterLocation.Query:
                    parameter.Description =
                        "`true` starts a CSV with a UTF-8 byte order mark, so Excel reads its accents and \"§\" right; " +
                        "`false` or absent: plain UTF-8. Other representations are the same either way; any other value is a 400.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean };
                    break;
                default:
                    break;
            }
        }
    }
}
