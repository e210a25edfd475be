using NodaTime;

namespace ElectionStages.Domain;

/// <summary>One row whose cells changed between two imports, by its key (<c>pemilu-2024/masa-tenang</c>) and the columns that changed.</summary>
public sealed record RowChange(string Id, IReadOnlyList<string> Fields);

/// <summary>What one import changed in one seed file: the keys added, removed and changed.</summary>
public sealed record TableChange(string File, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<RowChange> Changed);

/// <summary>
/// The record an import that changed content leaves: its revision, when, the seed files' digest, and per file what
/// changed. <see cref="Initial"/> marks the first recorded import, where every row counts as added.
/// </summary>
public sealed record DataChange(long Revision, Instant ImportedAt, string ContentSha256, bool Initial, IReadOnlyList<TableChange> Tables);
