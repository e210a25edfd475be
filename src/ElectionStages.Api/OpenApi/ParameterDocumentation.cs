using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Query and path parameters are bound as strings (so that bad values get our own problem responses); this filter
/// documents what they really are, the same way on every endpoint. No parameter declares a <c>default</c>: where the
/// default depends on another parameter (a region's zone), a declared one would contradict it, so the description
/// says what happens without the parameter.
/// </summary>
internal sealed class ParameterDocumentation : IOperationFilter
{
    private const string RegionCodeForm = "a province (`33`) or a regency/city (`33.03`, also accepted as `3303`), by Kemendagri code";

    private const string Zones = "Indonesia keeps Asia/Jakarta and Asia/Pontianak (WIB), Asia/Makassar (WITA) and Asia/Jayapura (WIT)";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        var parameters = operation.Parameters?.OfType<OpenApiParameter>().ToList() ?? [];
        var hasZone = parameters.Any(p => p is { Name: "zone", In: ParameterLocation.Query });
        var hasRegion = parameters.Any(p => p is { Name: "region", In: ParameterLocation.Query });
        foreach (var parameter in parameters)
        {
            switch (parameter.Name, parameter.In)
            {
                case ("date", ParameterLocation.Query):
                    parameter.Description = "The date to ask about, `yyyy-MM-dd`. Without it: today, in " + (
                        hasRegion ? "the region's time zone (or `zone`; Asia/Jakarta without either)."
                        : hasZone ? "`zone` (Asia/Jakarta without it)."
                        : "the region's time zone.");
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
                    parameter.Example = JsonValue.Create("2024-02-12");
                    break;
                case ("zone", ParameterLocation.Query):
                    parameter.Description = hasRegion
                        ? "IANA time zone that decides which day \"today\" is when `date` is left out. Without it: the " +
                          $"region's own zone, or Asia/Jakarta without `region`. Given with `region`, it must be the region's zone (or an alias of it), else 400. {Zones}."
                        : $"IANA time zone that decides which day \"today\" is when `date` is left out. Without it: Asia/Jakarta. {Zones}.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                    parameter.Example = JsonValue.Create("Asia/Makassar");
                    break;
                case ("region", ParameterLocation.Query):
                    parameter.Description =
                        $"The region whose regional elections (pilkada) count besides the national ones: {RegionCodeForm}. " +
                        "Without it only national elections are considered; an unknown code is a 400.";
                    parameter.Example = JsonValue.Create("33.03");
                    break;
                case ("parent", ParameterLocation.Query):
                    parameter.Description = $"List only the regions directly under this one: {RegionCodeForm} (a province lists its regencies/cities). Without it: every region.";
                    parameter.Example = JsonValue.Create("33");
                    break;
                case ("q", ParameterLocation.Query):
                    parameter.Description =
                        "Words to look for in the acts' Indonesian and English texts and keywords, case-insensitive; every " +
                        "word must match. Without it (or empty): every act. At most 100 characters.";
                    parameter.Example = JsonValue.Create("kampanye");
                    break;
                case ("since", ParameterLocation.Query):
                    parameter.Description = "A revision number (a whole number from 0): list only the imports after it. Without it: 0, every recorded import.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };
                    parameter.Example = JsonValue.Create(1);
                    break;
                case ("lang", ParameterLocation.Query):
                    parameter.Description = "The badge's language: `id` (Indonesian) or `en` (English). Without it: `id`.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("id"), JsonValue.Create("en")] };
                    break;
                case ("id", ParameterLocation.Path):
                    (parameter.Description, parameter.Example) =
                        path.StartsWith("/v1/elections/", StringComparison.Ordinal) ? ("Election id, as listed by GET /v1/elections.", JsonValue.Create("pemilu-2024"))
                        : path.StartsWith("/v1/asn/rules/", StringComparison.Ordinal) ? ("Rule version id, as listed by GET /v1/asn/rules.", JsonValue.Create("no-campaign-participation"))
                        : path.StartsWith("/v1/asn/acts/", StringComparison.Ordinal) ? ("Act id, as listed by GET /v1/asn/acts.", JsonValue.Create("like-share-candidate-post"))
                        : throw new InvalidOperationException($"{path}: document its id parameter in {nameof(ParameterDocumentation)}.");
                    break;
                case ("code", ParameterLocation.Path):
                    parameter.Description = $"The region: {RegionCodeForm}. A malformed code is a 400, an unknown one a 404.";
                    parameter.Example = JsonValue.Create("33.03");
                    break;
                case ("format", ParameterLocation.Path):
                    parameter.Description = "The file's suffix, which chooses the representation: `json`, `csv` or `ics` (iCalendar). Another suffix is a 404.";
                    break;
                default:
                    break;
            }
        }
    }
}
