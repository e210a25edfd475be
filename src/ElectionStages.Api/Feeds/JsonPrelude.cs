using System.Diagnostics.CodeAnalysis;
using ElectionStages.Api.Data;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Feeds;

/// <summary>What every JSON-only endpoint checks first: the client accepts JSON, and a calendar is loaded.</summary>
internal static class JsonPrelude
{
    public static bool TryStart(HttpRequest request, SnapshotHolder holder, [NotNullWhen(true)] out CalendarSnapshot? snapshot, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        snapshot = null;
        problem = MediaTypes.Negotiate(request, MediaTypes.JsonOnly) is null
            ? Problems.Problems.NotAcceptable(MediaTypes.JsonOnly)
            : (snapshot = holder.Current) is null ? Problems.Problems.CalendarNotLoaded() : null;
        return problem is null;
    }
}
