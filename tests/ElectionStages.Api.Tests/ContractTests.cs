using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// The committed OpenAPI document says exactly what the API sends: nullability and <c>required</c> as the C# types
/// and the JSON settings make them, enums with all their wire values, a description on every property and parameter,
/// problems and headers where they occur, examples that fit their schemas. (Every response the tests see is checked
/// against the document as well: <see cref="ContractCheck"/>.)
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ContractTests(SeededApiFixture fixture)
{
    private static readonly string[] ProblemStatuses = ["400", "404", "406", "429", "500", "503"];

    private static readonly string[] ValidatorHeaders = ["ETag", "Last-Modified", "Cache-Control"];

    private static JsonNode Document => Contract.Json;

    private static JsonObject Schemas => Document["components"]!["schemas"]!.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    [Fact]
    public void Every_schema_property_and_every_parameter_has_a_description()
    {
        var missing = Schemas.SelectMany(s =>
                (string.IsNullOrWhiteSpace((string?)s.Value!["description"]) ? [$"schema {s.Key}"] : Array.Empty<string>())
                .Concat(((s.Value["properties"] as JsonObject) ?? [])
                    .Where(p => string.IsNullOrWhiteSpace((string?)p.Value!["description"]))
                    .Select(p => $"{s.Key}.{p.Key}")))
            .Concat(Operations.SelectMany(o => ((o.Operation["parameters"] as JsonArray) ?? [])
                .Where(p => string.IsNullOrWhiteSpace((string?)p!["description"]))
                .Select(p => $"{o.Method.ToUpperInvariant()} {o.Path} parameter {p!["name"]}")))
            .ToList();

        Assert.True(missing.Count == 0, "Without a description:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void No_parameter_declares_a_default()
    {
        // A default that depends on another parameter (zone on region) cannot be declared without contradicting it:
        // "Try it out" would send it. Defaults are said in the description instead.
        var withDefault = Operations.SelectMany(o => ((o.Operation["parameters"] as JsonArray) ?? [])
                .Where(p => p!["schema"]?["default"] is not null)
                .Select(p => $"{o.Method} {o.Path} {p!["name"]}"))
            .ToList();

        Assert.Empty(withDefault);
    }

    /// <summary>
    /// The JSON settings write every property, null or not, so every property is required; a property is
    /// <c>nullable</c> exactly when its C# type is (a nullable reference or <c>Nullable&lt;T&gt;</c>).
    /// </summary>
    [Fact]
    public void Every_property_is_required_and_nullable_exactly_as_the_CSharp_type_is()
    {
        var types = ContractTypes().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        var wrong = new List<string>();
        var contractSchemas = Schemas.Where(s => s.Value!["properties"] is JsonObject && s.Key != "Problem").ToList();
        Assert.NotEmpty(contractSchemas);
        foreach (var (name, schema) in contractSchemas)
        {
            Assert.True(types.TryGetValue(name, out var type), $"schema {name} has no contract type of that name");
            var properties = schema!["properties"]!.AsObject();
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [];
            var clrProperties = type!.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
            Assert.Equal(clrProperties.Keys.Order(StringComparer.Ordinal), properties.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var (property, declared) in properties)
            {
                var clr = clrProperties[property];
                var isNullable = Nullable.GetUnderlyingType(clr.PropertyType) is not null || nullability.Create(clr).ReadState == NullabilityState.Nullable;
                if (!required.Contains(property))
                {
                    wrong.Add($"{name}.{property} is not required, but it is always sent");
                }

                if (((bool?)declared!["nullable"] ?? false) != isNullable)
                {
                    wrong.Add($"{name}.{property}: nullable is {(bool?)declared["nullable"] ?? false} in the document, {isNullable} in C#");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Enums_are_named_schemas_of_all_their_kebab_case_values_also_inside_arrays()
    {
        var enums = ContractTypes().SelectMany(t => t.GetProperties()).Select(p => p.PropertyType)
            .Select(t => Nullable.GetUnderlyingType(t) ?? (t.IsGenericType ? t.GetGenericArguments()[0] : t))
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();
        Assert.Contains(typeof(ElectionStages.Domain.ElectionKind), enums);
        foreach (var type in enums)
        {
            var schema = Schemas[type.Name];
            Assert.True(schema is not null, $"enum {type.Name} is not a named schema");
            Assert.Equal("string", (string?)schema!["type"]);
            Assert.Equal(
                Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName),
                schema["enum"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(Enum.GetNames(type), schema["x-enumNames"]!.AsArray().Select(v => (string)v!));
        }

        // An array of enums refers to the named schema, as a single enum property does.
        var electionKinds = Schemas["RuleResponse"]!["properties"]!["electionKinds"]!;
        Assert.Equal("#/components/schemas/ElectionKind", (string?)electionKinds["items"]!["$ref"]);
    }

    [Fact]
    public void Every_problem_response_is_a_Problem_and_every_operation_declares_429_500_and_503()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var responses = operation["responses"]!.AsObject();
            foreach (var status in (string[])["429", "500", "503"])
            {
                Assert.True(responses.ContainsKey(status), $"{method} {path} does not declare {status}");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.Contains(status, ProblemStatuses);
                var content = response!["content"]!.AsObject();
                Assert.Equal(["application/problem+json"], content.Select(c => c.Key));
                Assert.Equal("#/components/schemas/Problem", (string?)content["application/problem+json"]!["schema"]!["$ref"]);
            }
        }

        var problem = Schemas["Problem"]!["properties"]!.AsObject();
        Assert.Equal(["type", "title", "status", "detail", "parameter", "errors", "available", "known", "nearest", "traceId"], problem.Select(p => p.Key));
        Assert.DoesNotContain("ProblemDetails", Schemas.Select(s => s.Key));
    }

    [Fact]
    public void Answers_declare_their_validators_and_caching_and_waits_declare_Retry_After()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var responses = operation["responses"]!.AsObject();
            // A file download's 200 also declares its Content-Disposition; the validators are on every 200 and 304.
            Assert.Equal(ValidatorHeaders, responses["304"]!["headers"]!.AsObject().Select(h => h.Key));
            Assert.Equal(ValidatorHeaders, responses["200"]!["headers"]!.AsObject().Select(h => h.Key).Where(h => h != "Content-Disposition"));

            foreach (var status in (string[])["429", "503"])
            {
                Assert.Equal(["Retry-After"], responses[status]!["headers"]!.AsObject().Select(h => h.Key));
            }
        }

        Assert.All(Document["components"]!["headers"]!.AsObject(), h => Assert.True((bool)h.Value!["required"]!));
        Assert.Equal("/", (string?)Document["servers"]![0]!["url"]);
    }

    [Fact]
    public void Every_example_fits_its_schema()
    {
        var examples = Operations.SelectMany(o => o.Operation["responses"]!.AsObject()
                .SelectMany(r => ((r.Value!["content"] as JsonObject) ?? [])
                    .Where(c => c.Value!["example"] is not null)
                    .Select(c => (Where: $"{o.Operation["operationId"]} {r.Key} {c.Key}", Schema: (string)c.Value!["schema"]!["$ref"]!, Example: c.Value["example"]!))))
            .ToList();

        Assert.Equal(
            ["GetAsnGuidance 200", "GetAsnGuidance 400", "GetCalendar 200", "GetElectionStages 200", "GetElectionStages 404"],
            examples.Select(e => string.Join(' ', e.Where.Split(' ')[..2])).Order(StringComparer.Ordinal));
        foreach (var (where, reference, example) in examples)
        {
            var errors = Contract.Validate(Contract.Schema(reference.Split('/')[^1]), example.ToJsonString());
            Assert.True(errors.Count == 0, $"{where}: the example does not fit {reference}:\n" + string.Join('\n', errors));
        }
    }

    /// <summary>The null cases the document once denied: no region, and a date after which nothing modelled changes.</summary>
    [Fact]
    public async Task Guidance_without_a_region_and_without_a_next_change_sends_nulls_the_document_allows()
    {
        var after = await SnapshotFacts.DayWithoutNextChangeAsync(fixture.Client);

        var guidance = await fixture.Client.GetJsonAsync($"/v1/asn/guidance?date={after:uuuu-MM-dd}");

        Assert.Null(guidance["region"]);
        Assert.Null(guidance["nextChange"]);
        Assert.True(guidance.AsObject().ContainsKey("nextChange"), "a null property is written, not left out");
        Assert.True((bool)Schemas["GuidanceResponse"]!["properties"]!["nextChange"]!["nullable"]!);
    }

    [Fact]
    public async Task A_response_the_document_does_not_describe_fails_the_request_that_got_it()
    {
        // The API conforms, so the check is shown to bite on bodies that do not: a missing, a null and an extra member.
        var schema = Contract.Schema("RegionRef");
        Assert.NotEmpty(Contract.Validate(schema, """{"code":"33.03"}"""));
        Assert.NotEmpty(Contract.Validate(schema, """{"code":"33.03","name":null}"""));
        Assert.NotEmpty(Contract.Validate(schema, """{"code":"33.03","name":"Kabupaten Purbalingga","extra":1}"""));
        Assert.Empty(Contract.Validate(schema, """{"code":"33.03","name":"Kabupaten Purbalingga"}"""));

        // And a problem with an undocumented member fails the Problem schema.
        Assert.NotEmpty(Contract.Validate(Contract.Schema("Problem"), """{"type":"/problems/x","title":"t","status":400,"detail":"d","surprise":true}"""));

        // Through the client: a documented operation answering a status it does not declare is refused.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost/v1/elections"));
        using var teapot = new HttpResponseMessage((HttpStatusCode)418) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        var errors = await Contract.CheckAsync(request, teapot);
        Assert.Contains(errors, e => e.Contains("418 is not declared", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> ContractTypes() =>
        typeof(ElectionStages.Api.Elections.ElectionResponse).Assembly.GetExportedTypes()
            .Concat(typeof(ElectionStages.Domain.LocalizedText).Assembly.GetExportedTypes())
            .Where(t => t.IsPublic && (t.IsEnum || t.GetMethod("<Clone>$") is not null));
}
