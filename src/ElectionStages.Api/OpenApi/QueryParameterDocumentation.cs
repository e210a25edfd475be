using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Query parameters are bound as strings (so that bad values get our own problem responses); this filter documents
/// what they really are, the same way on every endpoint.
/// </summary>
internal sealed class QueryParameterDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            switch (parameter.Name)
            {
                case "date" when parameter.In == ParameterLocation.Query:
                    parameter.Description = "The date to ask about, `yyyy-MM-dd`. Default: today in `zone`.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Example = JsonValue.Create("2024-02-12") };
                    break;
                case "zone" when parameter.In == ParameterLocation.Query:
                    parameter.Description =
                        "IANA time zone that decides what \"today\" is. Indonesia: Asia/Jakarta (WIB, the default), " +
                        "Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("Asia/Jakarta") };
                    break;
                case "id" when parameter.In == ParameterLocation.Path:
                    parameter.Description = "Election id, e.g. `pemilu-2024`.";
                    break;
                default:
                    break;
            }
        }
    }
}
