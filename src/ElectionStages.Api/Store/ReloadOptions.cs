namespace ElectionStages.Api.Store;

/// <summary>How the snapshot is kept current (configuration section <c>Calendar</c>).</summary>
internal sealed class ReloadOptions
{
    public const string Section = "Calendar";

    /// <summary>How often to compare the revision in the database with ours, in case a NOTIFY was missed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait before reconnecting after the database went away.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
