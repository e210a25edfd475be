using System.Collections.Frozen;
using System.Text.Json;

namespace ElectionStages.Domain;

/// <summary>
/// The words for enum values, the same in the seed CSV, the database and the JSON (kebab-case: <c>not-held</c>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Vocabulary<SanctionKind>.Word(x) reads as what it is; there is no instance to hang it on.")]
public static class Vocabulary<T>
    where T : struct, Enum
{
    public static readonly FrozenDictionary<string, T> ByWord =
        Enum.GetValues<T>().ToFrozenDictionary(Word, StringComparer.Ordinal);

    public static string Word(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse(string word) =>
        ByWord.TryGetValue(word, out var value)
            ? value
            : throw new InvalidDataException($"'{word}' is not a known {typeof(T).Name}");
}
