using ElectionStages.Domain;

namespace ElectionStages.Api.Store;

/// <summary>
/// Holds the current calendar snapshot for every request, and whether the database answered the last time we asked.
/// </summary>
internal sealed class SnapshotHolder
{
    private volatile CalendarSnapshot? current;
    private volatile string? databaseProblem = "not contacted yet";

    public CalendarSnapshot? Current => current;

    /// <summary>Null while the database answers; otherwise why it did not.</summary>
    public string? DatabaseProblem => databaseProblem;

    public void Swap(CalendarSnapshot snapshot) => current = snapshot;

    public void DatabaseReachable() => databaseProblem = null;

    public void DatabaseUnreachable(string reason) => databaseProblem = reason;
}
