namespace ElectionStages.Domain;

/// <summary>Kemendagri region codes: <c>33</c> (province) or <c>33.03</c> (regency/city); <c>3303</c> is accepted too.</summary>
public static class RegionCodes
{
    public static bool IsCanonical(string code) =>
        code.Length == 2 ? code.All(char.IsAsciiDigit)
        : code.Length == 5 && code[2] == '.' && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]);

    /// <summary>The canonical form of a code a caller typed, or null when it is not a province or regency/city code.</summary>
    public static string? Normalize(string input)
    {
        var code = input.Trim();
        if (code.Length == 4 && code.All(char.IsAsciiDigit))
        {
            code = $"{code[..2]}.{code[2..]}";
        }

        return IsCanonical(code) ? code : null;
    }
}
