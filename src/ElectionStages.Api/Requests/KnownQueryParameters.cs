using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ElectionStages.Api.Requests;

/// <summary>
/// The query parameters one endpoint binds, read once from its handler's signature when the endpoint is built: the
/// parameters that are neither route values, services, the <c>HttpContext</c> nor <c>[AsParameters]</c> bundles.
/// These are the parameters the OpenAPI document lists, because it is generated from the same signature. Names
/// compare without regard to case, as ASP.NET Core binds them.
/// </summary>
internal sealed class KnownQueryParameters
{
    private readonly HashSet<string> names;

    private KnownQueryParameters(IReadOnlyList<string> ordered)
    {
        Names = ordered;
        names = new HashSet<string>(ordered, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The names, in the handler's order.</summary>
    public IReadOnlyList<string> Names { get; }

    public static KnownQueryParameters Of(EndpointBuilder endpoint)
    {
        var handler = endpoint.Metadata.OfType<MethodInfo>().LastOrDefault()
            ?? throw new InvalidOperationException($"{endpoint.DisplayName}: no handler method in the metadata, so its query parameters are unknown.");
        var route = endpoint is RouteEndpointBuilder routed
            ? routed.RoutePattern.Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var query = handler.GetParameters()
            .Where(parameter => parameter.ParameterType != typeof(HttpContext)
                && parameter.GetCustomAttribute<AsParametersAttribute>() is null
                && parameter.GetCustomAttribute<FromServicesAttribute>() is null
                && parameter.GetCustomAttribute<FromRouteAttribute>() is null
                && !route.Contains(parameter.Name!))
            .Select(parameter => parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!)
            .ToList();
        return new KnownQueryParameters(query);
    }

    /// <summary>The first parameter of the query string this endpoint does not have, or null.</summary>
    public string? FirstUnknown(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return null;
        }

        foreach (var (key, _) in query)
        {
            if (!names.Contains(key))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The known name closest to <paramref name="unknown"/> (at most a third of its letters apart), or null.</summary>
    public string? Nearest(string unknown)
    {
        var limit = Math.Max(2, unknown.Length / 3);
        return Names
            .Select(name => (Name: name, Distance: Distance(unknown.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= limit)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: edits, with a swap of two neighbours (<c>regoin</c>) as one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
