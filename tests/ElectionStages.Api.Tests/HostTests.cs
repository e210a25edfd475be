using System.Net;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

[Collection(DatabaseCollection.Name)]
public class HostTests(SeededApiFixture fixture)
{
    private static string CommittedDocumentPath => Path.Combine(Repository.Root, "openapi", "v1.json");

    [Fact]
    public async Task Liveness_and_readiness_are_up_with_the_loaded_revision()
    {
        var live = await fixture.Client.GetJsonAsync("/health/live");
        var ready = await fixture.Client.GetJsonAsync("/health/ready");

        Assert.Equal("Healthy", live.Str("status"));
        Assert.Equal("Healthy", ready.Str("status"));
        Assert.True((long)ready["checks"]!["calendar"]!["data"]!["revision"]! >= 1);
    }

    [Fact]
    public async Task Swagger_UI_is_served()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The committed contract must equal what the app serves. To refresh it after a deliberate change:
    /// <c>UPDATE_OPENAPI=1 dotnet test --filter Served_OpenAPI_document</c>.
    /// </summary>
    [Fact]
    public async Task Served_OpenAPI_document_equals_the_committed_openapi_v1_json()
    {
        var served = await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var normalized = JsonNode.Parse(served)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedDocumentPath, normalized);
        }

        Assert.True(File.Exists(CommittedDocumentPath), $"{CommittedDocumentPath} is missing; run UPDATE_OPENAPI=1 dotnet test --filter Served_OpenAPI_document");
        var committed = await File.ReadAllTextAsync(CommittedDocumentPath);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            "The served OpenAPI document differs from openapi/v1.json. If the change is deliberate, run: " +
            "UPDATE_OPENAPI=1 dotnet test --filter Served_OpenAPI_document");
    }

    [Fact]
    public async Task The_OpenAPI_document_types_dates_as_string_date()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var stage = document["components"]!["schemas"]!["StageResponse"]!["properties"]!;

        Assert.Equal(("string", "date"), ((string?)stage["start"]!["type"], (string?)stage["start"]!["format"]));
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();
        Assert.All(operations, op => Assert.False(string.IsNullOrEmpty((string?)op["operationId"])));
        Assert.All(operations, op => Assert.False(string.IsNullOrEmpty((string?)op["summary"])));
    }
}
