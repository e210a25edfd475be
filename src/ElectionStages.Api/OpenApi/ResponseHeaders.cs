using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// The headers every answer carries, declared once under <c>components/headers</c>: the validators and caching of every
/// 200 and 304 (<see cref="Representations.RepresentationResult{T}"/> sets them on both), and <c>Retry-After</c> on 429
/// (the rate limiter) and 503 (the /v1 prelude, <see cref="Requests.V1Conventions"/>).
/// </summary>
internal sealed class ResponseHeaders : IOperationFilter, IDocumentFilter
{
    private static readonly Dictionary<string, OpenApiHeader> Headers = new(StringComparer.Ordinal)
    {
        ["ETag"] = new()
        {
            Description = "A weak entity tag of the representation (`W/\"{revision}-{hash}\"`): send it back in `If-None-Match` to get a 304 while it is unchanged.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["Last-Modified"] = new()
        {
            Description = "When the data was imported (for an answer about today: no earlier than the start of that day); usable in `If-Modified-Since`.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["Cache-Control"] = new()
        {
            Description = $"`{Representations.RepresentationResult<object>.CacheControl}`: shared caches may keep the answer for 5 minutes, then revalidate it.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["Retry-After"] = new()
        {
            Description = "Seconds to wait before trying again.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        },
    };

    private static readonly Dictionary<string, string[]> ByStatus = new(StringComparer.Ordinal)
    {
        ["200"] = ["ETag", "Last-Modified", "Cache-Control"],
        ["304"] = ["ETag", "Last-Modified", "Cache-Control"],
        ["429"] = ["Retry-After"],
        ["503"] = ["Retry-After"],
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (ByStatus.TryGetValue(status, out var names) && response is OpenApiResponse declared)
            {
                declared.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    declared.Headers[name] = new OpenApiHeaderReference(name, context.Document);
                }
            }
        }
    }

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        foreach (var (name, header) in Headers)
        {
            swaggerDoc.Components.Headers[name] = header;
        }
    }
}
