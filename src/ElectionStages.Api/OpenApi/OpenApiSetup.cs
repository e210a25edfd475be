using Microsoft.OpenApi;
using NodaTime;

namespace ElectionStages.Api.OpenApi;

internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddElectionStagesOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ElectionStages",
                Version = "v1",
                Description =
                    "Indonesia's official election stage calendars (tahapan dan jadwal: PKPU 3/2022 for Pemilu 2024, " +
                    "PKPU 7/2017 for Pemilu 2019), every row with its legal source and confidence. Guidance compiled " +
                    "from public regulations, not legal advice.",
                License = new OpenApiLicense { Name = "Data: see seed-data/README.md" },
            });
            // Relative: the document is right on whatever host serves it (replicas, proxies, a local run), and the
            // committed copy names no host. A generated client is given its base URL anyway.
            options.AddServer(new OpenApiServer { Url = "/", Description = "The host that serves this document." });

            // The contracts' XML documentation (records' <param>, enums' members) becomes the descriptions.
            foreach (var docs in XmlDocumentation.All)
            {
                options.IncludeXmlComments(() => docs.Document);
            }

            // Properties that refer to a schema are allOf: [$ref], so that OpenAPI 3.0 can carry their description and
            // nullable beside the reference (a bare $ref ignores its siblings).
            options.UseAllOfToExtendReferenceSchemas();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<ContractSchemas>();
            options.OperationFilter<ParameterDocumentation>();
            options.OperationFilter<TextRepresentationSchemas>();
            options.OperationFilter<ProblemResponses>();
            options.OperationFilter<ResponseHeaders>();
            options.OperationFilter<ResponseExamples>();
            options.OperationFilter<ResponsesInStatusOrder>();
            options.DocumentFilter<ProblemResponses>();
            options.DocumentFilter<ResponseHeaders>();
            options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
            options.MapType<Instant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });
        });
        return services;
    }

    public static WebApplication UseElectionStagesOpenApi(this WebApplication app)
    {
        // Only the document's and the UI's paths go through Swashbuckle's middleware (it matches a route template on
        // every request it sees), so API requests pay nothing for it.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase),
            docs => docs
                .Use(new DocumentCache().InvokeAsync)
                .UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json")
                .UseSwaggerUI(options =>
                {
                    options.RoutePrefix = "swagger";
                    options.SwaggerEndpoint(DocumentPath, "ElectionStages v1");
                }));
        return app;
    }

    /// <summary>
    /// The document is the same for the life of the process, so it is generated once and then served from memory with
    /// an ETag and <c>Cache-Control</c>, answering 304 to a matching <c>If-None-Match</c> (code generators and
    /// Swagger UI revalidate instead of fetching 80 KB again).
    /// </summary>
    private sealed class DocumentCache
    {
        private (byte[] Body, string ContentType, Microsoft.Net.Http.Headers.EntityTagHeaderValue ETag)? cached;

        public async Task InvokeAsync(HttpContext context, Func<Task> next)
        {
            if (!context.Request.Path.Equals(DocumentPath, StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            if (cached is not { } document)
            {
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next();
                }
                finally
                {
                    context.Response.Body = original;
                }

                if (context.Response.StatusCode != StatusCodes.Status200OK)
                {
                    await buffer.CopyToAsync(original, context.RequestAborted);
                    return;
                }

                var body = buffer.ToArray();
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 12));
                cached = document = (body, context.Response.ContentType ?? "application/json; charset=utf-8", new($"\"{hash}\""));
            }

            var response = context.Response;
            response.Headers.ETag = document.ETag.ToString();
            response.Headers.CacheControl = "public, max-age=300";
            if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any) || tag.Compare(document.ETag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = document.ContentType;
            response.ContentLength = document.Body.Length;
            await response.Body.WriteAsync(document.Body, context.RequestAborted);
        }
    }
}
