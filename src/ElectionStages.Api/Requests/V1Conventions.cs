using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Store;

namespace ElectionStages.Api.Requests;

/// <summary>The media types an endpoint chooses from by <c>Accept</c> (first: the default), read by the /v1 prelude.</summary>
internal sealed record NegotiatedMediaTypes(IReadOnlyList<string> Offered);

/// <summary>
/// What holds for every endpoint under <c>/v1</c>, applied once to the route group: the prelude that runs before each
/// handler, and the OpenAPI responses it can produce.
/// </summary>
internal static class V1Conventions
{
    /// <summary>The <c>Retry-After</c> of the 503 an instance answers until it has loaded a snapshot.</summary>
    public const string NotLoadedRetryAfterSeconds = "5";

    private static readonly object MediaTypeKey = new();

    /// <summary>
    /// The <c>/v1</c> group. Before any handler runs: a query parameter the endpoint does not have is a 400 naming it
    /// (a typo such as <c>regoin</c> must not quietly give the national answer); an endpoint that negotiates
    /// (<see cref="Negotiates"/>) answers 406 when none of its media types is acceptable; then every endpoint answers
    /// 503 until a snapshot is loaded. Only then does the handler check its own parameters (400) and look things up (404).
    /// </summary>
    public static RouteGroupBuilder MapV1(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        // Wraps each endpoint's request delegate once it is built (a "finally" convention runs after every other
        // convention has added its metadata): no endpoint filter, so no per-request invocation context or boxing.
        ((IEndpointConventionBuilder)v1).Finally(endpoint =>
        {
            var handler = endpoint.RequestDelegate
                ?? throw new InvalidOperationException($"{endpoint.DisplayName}: a /v1 endpoint without a request delegate would skip the prelude.");

            var negotiated = endpoint.Metadata.OfType<NegotiatedMediaTypes>().LastOrDefault();
            var known = KnownQueryParameters.Of(endpoint);
            var holder = endpoint.ApplicationServices.GetRequiredService<SnapshotHolder>();
            endpoint.RequestDelegate = context =>
                Prelude(context, negotiated, known, holder) is { } problem ? problem.ExecuteAsync(context) : handler(context);
        });
        v1.ProducesProblem(StatusCodes.Status400BadRequest);
        v1.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    /// <summary>The endpoint picks its representation from <paramref name="offered"/> by <c>Accept</c> (406 otherwise).</summary>
    public static RouteHandlerBuilder Negotiates(this RouteHandlerBuilder endpoint, IReadOnlyList<string> offered) =>
        endpoint.WithMetadata(new NegotiatedMediaTypes(offered)).ProducesProblem(StatusCodes.Status406NotAcceptable);

    /// <summary>
    /// The media type a file suffix (<c>stages.csv</c>) stands for, or the problem: 404 for a suffix we do not serve,
    /// 406 when the client's <c>Accept</c> excludes what the suffix names (the suffix chooses among what the client
    /// accepts, it does not overrule it).
    /// </summary>
    public static (string? MediaType, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem) BySuffix(HttpRequest request, string format)
    {
        if (!MediaTypes.BySuffix.TryGetValue(format, out var mediaType))
        {
            return (null, Problems.NotFound("format", Problems.NotOneOf(format, MediaTypes.Suffixes)));
        }

        string[] offered = [mediaType];
        return MediaTypes.Negotiate(request, offered) is null ? (null, Problems.NotAcceptable(offered)) : (mediaType, null);
    }

    /// <summary>The media type the prelude chose for this request, or null when the endpoint does not negotiate.</summary>
    public static string? NegotiatedMediaType(HttpContext context) => context.Items[MediaTypeKey] as string;

    /// <summary>The problem that answers the request before its handler runs, or null to run the handler.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Prelude(
        HttpContext context, NegotiatedMediaTypes? negotiated, KnownQueryParameters known, SnapshotHolder holder)
    {
        if (known.FirstUnknown(context.Request.Query) is { } unknown)
        {
            return Problems.UnknownParameter(unknown, known.Nearest(unknown), known.Names);
        }

        if (negotiated is not null)
        {
            if (MediaTypes.Negotiate(context.Request, negotiated.Offered) is not { } chosen)
            {
                return Problems.NotAcceptable(negotiated.Offered);
            }

            // JSON-only endpoints need not be told; only a choice among several is kept for the handler.
            if (negotiated.Offered.Count > 1)
            {
                context.Items[MediaTypeKey] = chosen;
            }
        }

        if (holder.Current is null)
        {
            // The reloader retries every second or so; a few seconds is a fair wait for a client.
            context.Response.Headers.RetryAfter = NotLoadedRetryAfterSeconds;
            return Problems.NotLoaded();
        }

        return null;
    }
}
