using ElectionStages.Domain;
using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Import;

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

    /// <summary>The plausible years of the data: independence to the end of the century.</summary>
    public const int MinYear = 1945;

    public const int MaxYear = 2100;

    public LocalDate? Date(string column, ICollection<SeedProblem> problems)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        var result = text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit)
            ? LocalDatePattern.Iso.Parse(text)
            : null;
        if (result is not { Success: true })
        {
            problems.Add(Problem($"{column} '{text}' is not a real date in yyyy-MM-dd form"));
            return null;
        }

        if (result.Value.Year is < MinYear or > MaxYear)
        {
            problems.Add(Problem($"{column} '{text}' is outside the years {MinYear}–{MaxYear}"));
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

    /// <summary>A required id: lowercase letters, digits and single hyphens (<c>pemilu-2024</c>).</summary>
    public string? Slug(string column, ICollection<SeedProblem> problems)
    {
        var value = Required(column, problems);
        if (value is not null && !IsSlug(value))
        {
            problems.Add(Problem($"{column} '{value}' must be lowercase letters, digits and single hyphens"));
            return null;
        }

        return value;
    }

    /// <summary>A required text in two columns, <c>{prefix}_id</c> (Indonesian) and <c>{prefix}_en</c> (English).</summary>
    public LocalizedText? Localized(string prefix, ICollection<SeedProblem> problems)
    {
        var id = Required($"{prefix}_id", problems);
        var en = Required($"{prefix}_en", problems);
        return id is null || en is null ? null : new LocalizedText(id, en);
    }

    /// <summary>An optional text in two columns: both given or both empty (an Indonesian reader never gets English alone).</summary>
    public LocalizedText? OptionalLocalized(string prefix, ICollection<SeedProblem> problems)
    {
        var id = Optional($"{prefix}_id");
        var en = Optional($"{prefix}_en");
        if ((id is null) != (en is null))
        {
            problems.Add(Problem($"{prefix}_id and {prefix}_en must both be given or both be empty"));
            return null;
        }

        return id is null ? null : new LocalizedText(id, en!);
    }

    /// <summary>An optional <c>;</c>-separated list (empty when the cell is).</summary>
    public List<string> OptionalList(string column) =>
        Optional(column) is { } text ? [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : [];

    /// <summary>A <c>;</c>-separated list of <c>instrument-id: article</c> references, required unless <paramref name="optional"/>.</summary>
    public List<LegalReference> LegalReferences(string column, ICollection<SeedProblem> problems, bool optional = false)
    {
        var references = new List<LegalReference>();
        foreach (var item in optional ? OptionalList(column) : List(column, problems))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var instrument = colon < 0 ? "" : item[..colon].Trim();
            var article = colon < 0 ? "" : item[(colon + 1)..].Trim();
            if (instrument.Length == 0 || !IsSlug(instrument))
            {
                problems.Add(Problem($"{column} item '{item}' must be '<instrument-id>: <article>', e.g. 'pp-94-2021: Pasal 5 huruf n angka 1'"));
            }
            else
            {
                references.Add(new LegalReference(instrument, article));
            }
        }

        return references;
    }

    /// <summary>A required, non-empty <c>;</c>-separated list.</summary>
    public List<string> List(string column, ICollection<SeedProblem> problems)
    {
        var text = Required(column, problems);
        List<string> items = text is null ? [] : [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        if (text is not null && items.Count == 0)
        {
            problems.Add(Problem($"{column} '{text}' lists nothing"));
        }

        return items;
    }

    /// <summary>An absolute http or https URL.</summary>
    public static bool IsPublicUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsSlug(string value) =>
        value.Length <= 100 && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal) &&
        value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
