using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>
/// The committed contract, <c>openapi/v1.json</c>, and the check every response of an <see cref="ApiFactory"/> client
/// goes through (<see cref="ContractCheck"/>). For a request that matches a documented path and method, the status must
/// be declared, the media type must be declared for that status, a JSON body must validate against its schema (OpenAPI
/// 3.0, <c>nullable</c> included), and the headers the document requires must be there. Every problem+json body, also
/// outside the document (an unknown path, a wrong method), must validate against the <c>Problem</c> schema. A JSON
/// response outside the document is a failure unless its path is one the document leaves out on purpose.
/// </summary>
public static partial class Contract
{
    /// <summary>JSON served outside the document on purpose: operations endpoints and the document itself.</summary>
    private static readonly string[] UndocumentedJsonPaths = ["/health/live", "/health/ready", "/openapi/v1.json"];

    private static readonly Lazy<Loaded> Document = new(Load);

    private static readonly ConcurrentDictionary<string, int> ValidatedByOperation = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, int> Outside = new(StringComparer.Ordinal);

    private static int validated;

    private static int checkedOther;

    static Contract() => AppDomain.CurrentDomain.ProcessExit += (_, _) => WriteSummary();

    /// <summary>How many JSON bodies were validated against a schema of the document in this process.</summary>
    public static int ValidatedCount => Volatile.Read(ref validated);

    public static string DocumentPath => Path.Combine(Repository.Root, "openapi", "v1.json");

    /// <summary>Where the summary of a test run is written: the count, per operation and status, and what lay outside.</summary>
    public static string SummaryPath => Path.Combine(AppContext.BaseDirectory, "contract-check.txt");

    /// <summary>The committed document as JSON, for tests that read it.</summary>
    public static JsonNode Json => Document.Value.Json;

    /// <summary>The schema of a component, for tests that validate something of their own.</summary>
    public static JsonSchema Schema(string name) => Document.Value.Document.Components.Schemas[name];

    /// <summary>The errors of <paramref name="json"/> against <paramref name="schema"/>, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, string json) =>
        [.. schema.Validate(json, SchemaType.OpenApi3).Select(error => error.ToString())];

    /// <summary>Every operation id of the document.</summary>
    public static IReadOnlyList<string> OperationIds =>
        [.. Document.Value.Operations.Values.Select(o => o.OperationId).Order(StringComparer.Ordinal)];

    /// <summary>The id of the documented operation a request calls, or null when it calls none.</summary>
    public static string? OperationIdOf(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "/";
        return Document.Value.Templates.FirstOrDefault(t => t.Pattern.IsMatch(path)) is { } template
            && Document.Value.Operations.TryGetValue((template.Path, MethodOf(request, template, Document.Value)), out var operation)
            ? operation.OperationId
            : null;
    }

    /// <summary>Checks one response against the document; returns the violations, empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var contract = Document.Value;
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "/";
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = mediaType is null || request.Method == HttpMethod.Head ? null : await BodyAsync(response);
        var isJson = mediaType is "application/json" or "application/problem+json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true;
        var errors = new List<string>();

        if (mediaType == "application/problem+json" && body is not null)
        {
            errors.AddRange(Validate(contract.Document.Components.Schemas["Problem"], body).Select(e => $"Problem schema: {e}"));
        }

        var template = contract.Templates.FirstOrDefault(t => t.Pattern.IsMatch(path));
        var method = MethodOf(request, template, contract);
        var operation = template is null ? null : contract.Json["paths"]![template.Path]![method];
        if (operation is null)
        {
            var where = template is null ? (path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) ? "unknown /v1 path" : path) : $"{request.Method} {template.Path}";
            Outside.AddOrUpdate($"{where} → {status} {mediaType ?? "(no body)"}", 1, (_, n) => n + 1);
            if (isJson && mediaType != "application/problem+json" && !UndocumentedJsonPaths.Contains(path, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"a JSON response ({mediaType}) outside the document: document {request.Method} {path} or list it as undocumented on purpose");
            }

            return errors;
        }

        var operationId = (string?)operation["operationId"] ?? template!.Path;
        if (operation["responses"]?[status] is not JsonObject declared)
        {
            errors.Add($"{operationId}: status {status} is not declared (the document declares {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))})");
            return errors;
        }

        foreach (var (name, header) in (declared["headers"] as JsonObject) ?? [])
        {
            var definition = header!["$ref"] is { } reference ? contract.Json["components"]!["headers"]![((string)reference!).Split('/')[^1]]! : header;
            if ((bool?)definition["required"] == true && !response.Headers.NonValidated.Contains(name) && !response.Content.Headers.NonValidated.Contains(name))
            {
                errors.Add($"{operationId} {status}: the required header {name} is missing");
            }
        }

        if (mediaType is null)
        {
            if (declared["content"] is JsonObject { Count: > 0 } && status != "304" && request.Method != HttpMethod.Head && response.Content.Headers.ContentLength is not 0)
            {
                errors.Add($"{operationId} {status}: a body without a Content-Type");
            }

            return errors;
        }

        if (declared["content"]?[mediaType] is null)
        {
            errors.Add($"{operationId} {status}: media type {mediaType} is not declared (declared: {string.Join(", ", (declared["content"] as JsonObject)?.Select(c => c.Key) ?? [])})");
            return errors;
        }

        if (!isJson)
        {
            Interlocked.Increment(ref checkedOther);
        }

        var declaredSchema = contract.Operations[(template!.Path, method)].ActualResponses[status].Content[mediaType].Schema?.ActualSchema;
        // A download (.{format}) declares its JSON as a binary file: any bytes are one, there is nothing to validate.
        if (isJson && declaredSchema is { Type: NJsonSchema.JsonObjectType.String, Format: "binary" })
        {
            Interlocked.Increment(ref checkedOther);
        }
        else if (isJson && body is not null)
        {
            var schema = declaredSchema!;
            errors.AddRange(Validate(schema, body).Select(e => $"{operationId} {status} {mediaType}: {e}"));
            Interlocked.Increment(ref validated);
            ValidatedByOperation.AddOrUpdate($"{operationId} {status} {mediaType}", 1, (_, n) => n + 1);
        }

        return errors;
    }

    /// <summary>The document's method for a request: a HEAD not documented by itself is its GET without the body (RFC 9110 §9.3.2).</summary>
    private static string MethodOf(HttpRequestMessage request, Template? template, Loaded contract)
    {
        var method = request.Method.Method.ToLowerInvariant();
        return method == "head" && template is not null && !contract.Operations.ContainsKey((template.Path, "head")) ? "get" : method;
    }

    private static async Task<string?> BodyAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length == 0)
        {
            return null;
        }

        Stream? decoder = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        await using (decoder)
        {
            using var reader = new StreamReader(decoder, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }

    private static void WriteSummary()
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{ValidatedCount} JSON responses validated against openapi/v1.json");
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{Volatile.Read(ref checkedOther)} other responses of documented operations checked for status, media type and headers");
        foreach (var (key, count) in ValidatedByOperation.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {count,6}  {key}");
        }

        text.AppendLine("Outside the document (problem+json bodies among them were validated against Problem):");
        foreach (var (key, count) in Outside.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {count,6}  {key}");
        }

        try
        {
            File.WriteAllText(SummaryPath, text.ToString());
        }
        catch (IOException)
        {
            // A summary is a report, never a reason to fail a run.
        }
    }

    private static Loaded Load()
    {
        var text = File.ReadAllText(DocumentPath);
        var document = NSwag.OpenApiDocument.FromJsonAsync(text, DocumentPath).GetAwaiter().GetResult();
        var json = JsonNode.Parse(text)!;
        var templates = document.Paths.Keys
            .Select(p => new Template(p, new Regex(
                "^" + TemplateParameter().Replace(Regex.Escape(p), "[^/]+") + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            // Literal paths before templated ones (/v1/changes.atom before a {x} that could take it).
            .OrderBy(t => t.Path.Count(c => c == '{'))
            .ToList();
        var operations = document.Paths.SelectMany(p => p.Value.Select(o => (Key: (p.Key, o.Key.ToLowerInvariant()), o.Value)))
            .ToDictionary(o => o.Key, o => o.Value);
        return new Loaded(document, json, templates, operations);
    }

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex TemplateParameter();

    private sealed record Template(string Path, Regex Pattern);

    private sealed record Loaded(
        NSwag.OpenApiDocument Document,
        JsonNode Json,
        IReadOnlyList<Template> Templates,
        IReadOnlyDictionary<(string Path, string Method), NSwag.OpenApiOperation> Operations);
}

/// <summary>A response that breaks the contract; thrown into the test that made the request.</summary>
public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>
/// Checks every response an <see cref="ApiFactory"/> client receives against <c>openapi/v1.json</c>
/// (<see cref="Contract"/>), and fails the request that got a response the document does not describe.
/// </summary>
public sealed class ContractCheck : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var errors = await Contract.CheckAsync(request, response);
        if (errors.Count > 0)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ContractViolationException(
                $"{request.Method} {request.RequestUri} → {status} does not match openapi/v1.json:\n  " + string.Join("\n  ", errors));
        }

        return response;
    }
}
