using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// Lists each operation's responses by status code. The order otherwise follows where the metadata was added (the
/// /v1 group's 503 before the endpoint's own 200), which reads badly and would churn the committed document.
/// </summary>
internal sealed class ResponsesInStatusOrder : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is not { Count: > 1 } responses)
        {
            return;
        }

        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses.Add(status, response);
        }
    }
}
