namespace ElectionStages.Api.Database;

/// <summary>
/// The PostgreSQL channel an import NOTIFYs on when it commits a new revision, and every API instance LISTENs on.
/// </summary>
internal static class ChangeNotifications
{
    public const string Channel = "calendar_changed";
}
