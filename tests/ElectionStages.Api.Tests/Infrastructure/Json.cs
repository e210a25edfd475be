using System.Net;
using System.Text.Json.Nodes;

namespace ElectionStages.Api.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"GET {url}: empty body");
    }

    public static JsonNode Stage(this JsonNode stagesResponse, string id) =>
        stagesResponse["stages"]!.AsArray().Single(s => (string?)s!["id"] == id)!;

    public static string? Str(this JsonNode? node, string property) => (string?)node?[property];
}
