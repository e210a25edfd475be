using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Every 4xx and 5xx response is an RFC 9457 problem (<c>application/problem+json</c>) of one schema, <c>Problem</c>,
/// with the extension members the API really sends (<see cref="Errors.Problems"/>). Every operation declares 429 (the
/// rate limiter covers every documented path; only /health and /metrics are exempt) and 500 (the exception handler);
/// the 400, 404, 406 and 503 come from the endpoints and the /v1 group, where they occur.
/// </summary>
internal sealed class ProblemResponses : IOperationFilter, IDocumentFilter
{
    public const string SchemaId = "Problem";

    public const string MediaType = "application/problem+json";

    private static readonly string[] EveryOperation = ["429", "500"];

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "A query or path parameter is invalid or unknown: `parameter` names it, `detail` and `errors` say why.",
        ["404"] = "Nothing has the given id or code (or the file suffix is unknown): `parameter` names the path parameter, `detail` and `errors` say why.",
        ["406"] = "No media type in `Accept` can be served: `available` lists those that can.",
        ["429"] = "This client address made too many requests in the current window: retry after `Retry-After` seconds.",
        ["500"] = "An unexpected failure on the server; it was logged.",
        ["503"] = "This instance has not loaded the calendar from the database yet: retry after `Retry-After` seconds.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(SchemaId))
        {
            context.SchemaRepository.AddDefinition(SchemaId, Schema());
        }

        operation.Responses ??= [];
        foreach (var status in EveryOperation)
        {
            operation.Responses.TryAdd(status, new OpenApiResponse());
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status[0] is '4' or '5' && response is OpenApiResponse problem)
            {
                problem.Description = Descriptions.TryGetValue(status, out var description)
                    ? description
                    : throw new InvalidOperationException($"{context.ApiDescription.RelativePath}: describe the {status} problem in {nameof(ProblemResponses)}.");
                problem.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, context.Document) },
                };
            }
        }
    }

    /// <summary>The framework's <c>ProblemDetails</c> schema (from <c>ProducesProblem</c>) is replaced everywhere.</summary>
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components?.Schemas?.Remove("ProblemDetails");
        swaggerDoc.Components?.Schemas?.Remove("HttpValidationProblemDetails");
    }

    private static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description =
            "An RFC 9457 problem. `type` is stable per kind of problem; `title` and `detail` are for people. " +
            "A problem about a request parameter names it in `parameter` and, for 400 and 404, gives the reason in " +
            "`errors` (the ASP.NET Core validation shape). `title`, `detail` and `errors` are in Indonesian, or in " +
            "English when `Accept-Language` prefers it; `Content-Language` says which. `type` resolves to a page " +
            "that explains the problem in both languages.",
        Required = new SortedSet<string>(["type", "title", "status", "detail", "traceId"], StringComparer.Ordinal),
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "uri-reference",
                Description =
                    "The kind of problem, a path on this API: `/problems/invalid-parameter`, `/problems/unknown-parameter`, `/problems/not-found`, " +
                    "`/problems/not-acceptable`, `/problems/too-many-requests`, `/problems/calendar-not-loaded`, " +
                    "`/problems/unexpected`, or `/problems/http-{status}` for other HTTP errors.",
            },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the kind of problem, the same for every problem of a `type`." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code of the response." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request, and how to put it right." },
            ["parameter"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request parameter at fault (`date`, `region`, `id`, …), or `Accept` for 406. Present on 400, 404 and 406 answered by an endpoint.",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The reasons by parameter name (the ASP.NET Core validation shape). Present on 400 and on 404 answered by an endpoint.",
                AdditionalPropertiesAllowed = true,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["available"] = StringArray("On 406: the media types the resource is available as."),
            ["known"] = StringArray("On `/problems/unknown-parameter`: the query parameters the endpoint does have."),
            ["nearest"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "On `/problems/unknown-parameter`: the known parameter closest to the unknown one (`region` for `regoin`), when one is close.",
            },
            ["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The W3C trace id of the request, to quote when reporting a problem.",
            },
        },
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema StringArray(string description) =>
        new() { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description };
}
