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
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<QueryParameterDocumentation>();
            options.OperationFilter<TextRepresentationSchemas>();
            options.OperationFilter<ResponsesInStatusOrder>();
            options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Example = System.Text.Json.Nodes.JsonValue.Create("2024-02-14") });
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
                .UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json")
                .UseSwaggerUI(options =>
                {
                    options.RoutePrefix = "swagger";
                    options.SwaggerEndpoint(DocumentPath, "ElectionStages v1");
                }));
        return app;
    }
}
