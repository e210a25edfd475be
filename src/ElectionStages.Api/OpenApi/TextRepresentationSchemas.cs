using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>The CSV and iCalendar representations are text files, not the JSON shape of the same resource.</summary>
internal sealed class TextRepresentationSchemas : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["text/csv"] = "RFC 4180 CSV with a header row, one row per stage, in the columns of seed-data/stages.csv.",
        ["text/calendar"] = "RFC 5545 iCalendar: one all-day VEVENT per dated stage that was held; UID `stage-id@election-id`.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
        {
            foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (Descriptions.TryGetValue(mediaType, out var description) && content is OpenApiMediaType media)
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
                }
            }
        }
    }
}
