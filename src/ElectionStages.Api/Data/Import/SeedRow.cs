using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Data.Import;

/// <summary>One data row of a seed file. The typed getters record a problem and return null on a bad cell.</summary>
internal sealed class SeedRow(string file, int line, IReadOnlyDictionary<string, string> cells)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public SeedProblem Problem(string message) => new(File, Line, message);

    /// <summary>The trimmed cell, or null when it is empty.</summary>
    public string? Optional(string column) =>
        cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string? Required(string column, ICollection<SeedProblem> problems)
    {
        var value = Optional(column);
        if (value is null)
        {
            problems.Add(Problem($"{column} is required"));
        }

        return value;
    }

    public LocalDate? Date(string column, ICollection<SeedProblem> problems)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            problems.Add(Problem($"{column} '{text}' is not a real date in yyyy-MM-dd form"));
            return null;
        }

        return result.Value;
    }

    public int? PositiveInt(string column, ICollection<SeedProblem> problems)
    {
        var text = Required(column, problems);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            problems.Add(Problem($"{column} '{text}' is not a whole number from 1"));
            return null;
        }

        return value;
    }

    /// <summary>Parses a required cell against the allowed words of the seed format (e.g. <c>not-held</c>).</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> allowed, ICollection<SeedProblem> problems)
        where T : struct
    {
        var text = Required(column, problems);
        if (text is null)
        {
            return null;
        }

        if (!allowed.TryGetValue(text, out var value))
        {
            problems.Add(Problem($"{column} '{text}' is not one of {string.Join(", ", allowed.Keys)}"));
            return null;
        }

        return value;
    }
}
