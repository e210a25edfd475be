using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Examples of the main answers, taken from real responses on the seed data and cut short (arrays to their first
/// items, long texts to a sentence): <c>OpenApi/Examples/{operationId}.{status}.json</c>, embedded. A test validates
/// every example against its schema, so an example cannot drift from the contract.
/// </summary>
internal sealed class ResponseExamples : IOperationFilter
{
    private const string Prefix = "openapi-examples/";

    private static readonly Dictionary<string, JsonNode> Examples = Load();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Examples.TryGetValue($"{operation.OperationId}.{status}", out var example)
                && response.Content?.FirstOrDefault(c => c.Key is Representations.MediaTypes.Json or ProblemResponses.MediaType).Value is OpenApiMediaType media)
            {
                media.Example = example.DeepClone();
            }
        }
    }

    private static Dictionary<string, JsonNode> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(
                name => Path.GetFileNameWithoutExtension(name[Prefix.Length..]),
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"{name} is empty.");
                },
                StringComparer.Ordinal);
    }
}
