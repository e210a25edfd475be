namespace ElectionStages.Domain;

/// <summary>Whether a stage is part of the schedule in force.</summary>
public enum StageStatus
{
    /// <summary>Part of the schedule in force.</summary>
    Scheduled,

    /// <summary>Planned by the regulation but did not take place (e.g. a presidential run-off that was not needed).</summary>
    NotHeld,
}
