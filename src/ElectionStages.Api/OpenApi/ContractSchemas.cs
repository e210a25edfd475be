using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Makes the schemas of the contract types say exactly what the JSON settings send
/// (<see cref="Representations.RepresentationSetup"/>):
/// <list type="bullet">
/// <item>Every property is written, null or not, so every property is <c>required</c>; the nullable ones are
/// <c>nullable: true</c> (set by Swashbuckle from the C# nullability).</item>
/// <item>An enum is a named string schema of its kebab-case wire values, each value explained in the description,
/// with the C# member names in <c>x-enumNames</c> (NSwag) and <c>x-enum-varnames</c> (OpenAPI Generator).</item>
/// </list>
/// </summary>
internal sealed class ContractSchemas : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.MemberInfo is not null || context.ParameterInfo is not null)
        {
            return;
        }

        if (context.Type.IsEnum)
        {
            DescribeEnum(concrete, context.Type);
        }
        else if (concrete.Properties is { Count: > 0 } properties)
        {
            concrete.Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal);
        }
    }

    private static void DescribeEnum(OpenApiSchema schema, Type type)
    {
        var names = Enum.GetNames(type);
        var lines = names.Select(name =>
        {
            var wire = JsonNamingPolicy.KebabCaseLower.ConvertName(name);
            var summary = XmlDocumentation.Summary($"F:{type.FullName}.{name}");
            return summary is null ? $"- `{wire}`" : $"- `{wire}`: {summary}";
        });
        var intro = XmlDocumentation.Summary($"T:{type.FullName}");
        schema.Description = (intro is null ? "" : intro + "\n\n") + string.Join('\n', lines);
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. names.Select(n => JsonValue.Create(n))]));
        schema.Extensions["x-enum-varnames"] = new JsonNodeExtension(new JsonArray([.. names.Select(n => JsonValue.Create(n))]));
    }
}
