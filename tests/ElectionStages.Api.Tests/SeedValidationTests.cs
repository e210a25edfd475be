using System.Text;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// Every kind of bad seed file is refused with its file:line, checked on the seed set in memory: validation never
/// touches the database (<see cref="ImportTests"/> shows that a refused import writes nothing).
/// </summary>
public class SeedValidationTests
{
    public const string GoodStage =
        "pemilu-2024,uji-coba,masa-tenang,1,Uji coba,Test row,2024-02-12,2024-02-12,,,scheduled,implementing,PKPU 3/2022,Lampiran angka 8,high,,";

    public const string GoodRule =
        "uji-aturan,,prohibited,asn,Uji,Test,campaign,pemilu,2022-01-01,,ethics,sanksi,sanction,pp-94-2021: Pasal 5,,src,high,,";

    private static readonly SeedFiles Seed = SeedFiles.FromDirectory(Repository.SeedData);

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-30", StringComparison.Ordinal), "'2024-02-30' is not a real date" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "12/02/2024,2024-02-12", StringComparison.Ordinal), "is not a real date" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-13,2024-02-12", StringComparison.Ordinal), "start 2024-02-13 is after end 2024-02-12" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-14", StringComparison.Ordinal), "lies outside its parent 'masa-tenang'" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,", StringComparison.Ordinal), "both be given or both be empty" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", ",", StringComparison.Ordinal), "needs rule_text_id and rule_text_en" },
        { "stages.csv", GoodStage.Replace(",high,,", ",high,Catatan,", StringComparison.Ordinal), "note_id and note_en must both be given or both be empty" },
        { "stages.csv", GoodStage.Replace(",PKPU 3/2022,", ",PKPU 3/2022 (research §2 X2),", StringComparison.Ordinal), "source refers to internal notes ('research')" },
        { "stages.csv", GoodStage.Replace(",Lampiran angka 8,", ",pkpu-3-2022.md row 9,", StringComparison.Ordinal), "source_ref refers to internal notes ('pkpu-3-2022.md')" },
        { "stages.csv", GoodStage.Replace("pemilu-2024,", "pemilu-2025,", StringComparison.Ordinal), "election_id 'pemilu-2025' is not in elections.csv" },
        { "stages.csv", GoodStage.Replace(",masa-tenang,", ",masa-sunyi,", StringComparison.Ordinal), "parent_id 'masa-sunyi' is not a stage" },
        { "stages.csv", GoodStage.Replace(",uji-coba,", ",kampanye,", StringComparison.Ordinal), "duplicate stage id 'kampanye'" },
        { "stages.csv", GoodStage.Replace(",PKPU 3/2022,", ",,", StringComparison.Ordinal), "source is required" },
        { "stages.csv", GoodStage.Replace(",high,", ",certain,", StringComparison.Ordinal), "confidence 'certain' is not one of high, medium, low" },
        { "stages.csv", GoodStage.Replace(",scheduled,", ",cancelled,", StringComparison.Ordinal), "status 'cancelled'" },
        { "stages.csv", GoodStage.Replace(",uji-coba,", ",Uji Coba,", StringComparison.Ordinal), "must be lowercase letters" },
        { "stages.csv", GoodStage.Replace(",1,", ",0,", StringComparison.Ordinal), "ordinal '0'" },
        { "stages.csv", GoodStage + ",extra", "has 18 fields, the header has 17" },
        { "stages.csv", GoodStage.Replace(",Test row,", ",Test\0row,", StringComparison.Ordinal), "contains a NUL byte (U+0000)" },
        { "stages.csv", GoodStage.Replace(",Test row,", ",Test\u001brow,", StringComparison.Ordinal), "name_en contains the control character U+001B" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12xyz,2024-02-12", StringComparison.Ordinal), "start '2024-02-12xyz' is not a real date in yyyy-MM-dd form" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "0000-02-12,2024-02-12", StringComparison.Ordinal), "is outside the years 1945–2100" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "-0001-02-12,2024-02-12", StringComparison.Ordinal), "is not a real date" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-2-12,2024-02-12", StringComparison.Ordinal), "is not a real date" },
        { "stages.csv", GoodStage.Replace(",Test row,", $",{new string('x', 9_000)},", StringComparison.Ordinal), "name_en is 9,000 characters long; a cell may have at most 8,000" },
        { "stages.csv", GoodStage.Replace(",Lampiran angka 8,", ",,", StringComparison.Ordinal), "source_ref is required" },
        { "stages.csv", GoodStage.Replace(",Test row,", ",,", StringComparison.Ordinal), "name_en is required" },
        { "stages.csv", GoodStage.Replace(",masa-tenang,", ",putaran-kedua,", StringComparison.Ordinal).Replace("2024-02-12,2024-02-12", "2024-03-22,2024-03-22", StringComparison.Ordinal), "was not held, so its sub-stage must be not-held too" },
        { "elections.csv", "pemilu-2029,pemilu,Pemilu 2029,General Election 2029,Pemilu 2029,2029-02-30,PKPU x,source,high,,", "'2029-02-30' is not a real date" },
        { "elections.csv", "pemilu-2024,pemilu,Pemilu 2024,General Election 2024,Pemilu 2024,2024-02-14,PKPU 3/2022,source,high,,", "duplicate election id 'pemilu-2024'" },
        { "elections.csv", "pemilu-2034,pemilu,Pemilu 2034,General Election 2034,,2034-02-14,PKPU x,source,high,,", "short_name is required" },
        { "elections.csv", "pemilu-2034,pemilu,Pemilu 2034,General Election 2034,Pemilihan Umum Tahun 2034 dan seterusnya lagi,2034-02-14,PKPU x,source,high,,", "short_name is 45 characters; at most 40" },
        { "elections.csv", "pilpres-2029,presidential,Pilpres,Presidential,Pilpres 2029,2029-02-14,PKPU x,source,high,,", "kind 'presidential'" },
        { "election_regions.csv", "pilkada-2024,33,regent-mayor,src,,", "a regent-mayor race is held by a regency/city" },
        { "election_regions.csv", "pilkada-2024,33.03,governor,src,,", "a governor race is held by a province" },
        { "election_regions.csv", "pilkada-2024,99.99,regent-mayor,src,,", "region_code '99.99' is not in regions.csv" },
        { "election_regions.csv", "pemilu-2024,33,presidential,src,,", "applies everywhere" },
        { "regions.csv", "35.99,Kabupaten Uji,regency,35,Asia/Makassar,src", "differs from its province's Asia/Jakarta" },
        { "regions.csv", "99,Kabupaten Uji,regency,,Asia/Jakarta,src", "a regency/city has a code like 33.03" },
        { "regions.csv", "35.98,Kabupaten Uji,regency,35,Asia/Bandung,src", "zone 'Asia/Bandung' is not an IANA time zone" },
        { "rules.csv", GoodRule.Replace(",campaign,", ",baseline;campaign,", StringComparison.Ordinal), "'baseline' (every date) stands alone" },
        { "rules.csv", GoodRule.Replace(",campaign,", ",;,", StringComparison.Ordinal), "phases ';' lists nothing" },
        { "rules.csv", GoodRule.Replace(",prohibited,", ",allowed,", StringComparison.Ordinal), "sanction_kind is 'none' for an allowed act" },
        { "rules.csv", GoodRule.Replace("uji-aturan,", "no-party-membership,", StringComparison.Ordinal), "duplicate rule id 'no-party-membership'" },
        { "rules.csv", GoodRule.Replace(",2022-01-01,", ",2019-01-01,", StringComparison.Ordinal), "legal_basis cites PP 94/2021, in force from 2021-08-31, but this row holds from 2019-01-01" },
        { "rules.csv", GoodRule.Replace("pp-94-2021: Pasal 5", "uu-1-2000: Pasal 1", StringComparison.Ordinal), "legal_basis cites 'uu-1-2000', which is not in instruments.csv" },
        { "rules.csv", GoodRule.Replace("pp-94-2021: Pasal 5", "PP 94/2021 Pasal 5", StringComparison.Ordinal), "must be '<instrument-id>: <article>'" },
        { "rules.csv", GoodRule.Replace(",2022-01-01,,", ",2022-01-01,2021-12-31,", StringComparison.Ordinal), "valid_to 2021-12-31 is before valid_from 2022-01-01" },
        { "rules.csv", GoodRule.Replace(",,prohibited,", ",no-such-rule,prohibited,", StringComparison.Ordinal), "version_of 'no-such-rule' is not a rule id" },
        { "rules.csv", GoodRule.Replace(",,prohibited,asn,", ",no-party-membership,prohibited,asn,", StringComparison.Ordinal).Replace(",campaign,pemilu,2022-01-01,", ",baseline,pemilu,2024-01-01,", StringComparison.Ordinal), "versions 'no-party-membership' and 'uji-aturan' of rule 'no-party-membership' both hold on 2024-01-01" },
        { "rules.csv", GoodRule.Replace(",pp-94-2021: Pasal 5,,", ",pp-94-2021: Pasal 5,no-party-membership,", StringComparison.Ordinal), "only an allowed act can be an exception" },
        { "rules.csv", GoodRule.Replace(",asn,", ",voters,", StringComparison.Ordinal), "addressee 'voters' is not one of" },
        { "rules.csv", GoodRule.Replace(",high,,", ",high,,Note", StringComparison.Ordinal), "note_id and note_en must both be given" },
        { "acts.csv", "uji-tindakan,Uji,Test,uji,no-such-rule", "rules names 'no-such-rule', which is not the id of a current rule" },
        { "instruments.csv", "uji-1-2000,UU 1/2000,Uji,Test,undang-undang,,2000-01-02,2000-01-01,,src,high,,", "in_force_to 2000-01-01 is before in_force_from 2000-01-02" },
        { "instruments.csv", "uji-1-2000,UU 1/2000,Uji,Test,undang-undang,,2000-01-02,,peraturan.go.id/uu-1-2000,src,high,,", "is not an absolute http(s) URL" },
        { "authorities.csv", "uji,Uji,Test,Peran,Role,pemilu,2020-01-01,,Laman tanpa alamat,,src,high,,", "must be 'label|https://…'" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,kampanye,,masa-tenang,,src,high,,", "voting_day stage 'masa-tenang' must be a single day" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,kampanye,masa-tenang,penetapan-paslon,,src,high,,", "the campaign ends 2024-11-23, not before the quiet period or voting day" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,pengumuman-dps,masa-tenang,pemungutan-suara,,src,high,,", "must run from the day after the campaign to the day before voting" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,penetapan-paslon@nope,,,pemungutan-suara,,src,high,,", "must be stage-id@start or stage-id@end" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,,,putaran-kedua,,src,high,,", "has no dates in force to bound a phase" },
    };

    [Fact]
    public void The_seed_data_folder_has_no_problems()
    {
        var seed = SeedSet.Read(Seed);

        Assert.Empty(seed.Problems);
        Assert.NotEmpty(seed.Stages);
        Assert.NotEmpty(seed.Guidance.Rules);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_refused_with_its_file_and_line(string file, string row, string expectedMessage)
    {
        var (files, line) = Append(Seed, file, row);

        var problem = Assert.Single(SeedSet.Read(files).Problems);

        Assert.Equal($"{file}:{line}", $"{problem.File}:{problem.Line}");
        Assert.Contains(expectedMessage, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_folder_is_reported_not_just_the_first()
    {
        var (once, first) = Append(Seed, "stages.csv", GoodStage.Replace(",high,", ",sure,", StringComparison.Ordinal));
        var (twice, second) = Append(once, "stages.csv", GoodStage.Replace(",uji-coba,", ",uji-coba-2,", StringComparison.Ordinal).Replace("2024-02-12,2024-02-12", "2024-02-13,2024-02-11", StringComparison.Ordinal));

        Assert.Equal([first, second], SeedSet.Read(twice).Problems.Select(p => p.Line));
    }

    [Fact]
    public void A_quoted_field_over_several_lines_keeps_the_line_numbers_of_later_rows_right()
    {
        var (quoted, _) = Append(Seed, "stages.csv", GoodStage[..^1] + "\"catatan\ndua baris\",\"a note\nover two lines\"");
        var (files, bad) = Append(quoted, "stages.csv", GoodStage.Replace(",uji-coba,", ",uji-coba-2,", StringComparison.Ordinal).Replace(",high,", ",sure,", StringComparison.Ordinal));

        Assert.Equal(bad, Assert.Single(SeedSet.Read(files).Problems).Line);
    }

    [Fact]
    public void A_byte_that_is_not_UTF_8_is_reported_on_its_own_line()
    {
        var stages = Seed.Content("stages.csv")!;
        var thirdLine = Array.IndexOf(stages, (byte)'\n', Array.IndexOf(stages, (byte)'\n') + 1) + 5;
        var broken = (byte[])stages.Clone();
        broken[thirdLine] = 0xFF;

        var problem = Assert.Single(SeedSet.Read(Seed.With("stages.csv", broken)).Problems);

        Assert.Equal("stages.csv:3", $"{problem.File}:{problem.Line}");
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_junk_reports_a_few_problems_and_how_many_more_not_every_one()
    {
        var junk = Encoding.UTF8.GetString(Seed.Content("stages.csv")!).Split('\n')[0] + "\n" +
            string.Concat(Enumerable.Range(0, 5_000).Select(i => $"junk{i},?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?\n"));

        var problems = SeedSet.Read(Seed.With("stages.csv", Encoding.UTF8.GetBytes(junk))).Problems.Where(p => p.File == "stages.csv").ToList();

        Assert.Equal(SeedSet.MaxProblemsPerFile + 1, problems.Count);
        Assert.Matches(@"^and [\d,]+ more problems in this file", problems[^1].Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_parsed()
    {
        var huge = new byte[SeedTable.MaxFileBytes + 1];
        Array.Fill(huge, (byte)'a');

        var problem = Assert.Single(SeedSet.Read(Seed.With("regions.csv", huge)).Problems, p => p.File == "regions.csv");

        Assert.Contains("a seed file may have at most", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_do_not_shift_the_line_numbers_of_later_rows()
    {
        var (blank, _) = Append(Seed, "stages.csv", string.Empty);
        var (files, bad) = Append(blank, "stages.csv", GoodStage.Replace(",high,", ",sure,", StringComparison.Ordinal));

        Assert.Equal(bad, Assert.Single(SeedSet.Read(files).Problems).Line);
    }

    [Fact]
    public void A_missing_file_an_unknown_file_and_an_unknown_column_are_refused()
    {
        var stages = Encoding.UTF8.GetString(Seed.Content("stages.csv")!);
        var files = Seed
            .With("elections.csv", null)
            .With("stagse.csv", "id\n"u8.ToArray())
            .With("stages.csv", Encoding.UTF8.GetBytes(stages.Replace("source_ref", "sourceref", StringComparison.Ordinal)));

        var messages = SeedSet.Read(files).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("elections.csv:0: file is missing", messages);
        Assert.Contains(messages, m => m.StartsWith("stagse.csv:0: unknown seed file", StringComparison.Ordinal));
        Assert.Contains("stages.csv:1: missing column 'source_ref'", messages);
        Assert.Contains("stages.csv:1: unknown column 'sourceref'", messages);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_one_problem()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"electionstages-none-{Guid.NewGuid():N}");

        var problem = Assert.Single(SeedSet.Read(missing).Problems);

        Assert.Equal($"{missing}:0: no such directory", problem.ToString());
    }

    /// <summary>The files with <paramref name="row"/> appended to <paramref name="file"/>, and the row's line number.</summary>
    internal static (SeedFiles Files, int Line) Append(SeedFiles files, string file, string row)
    {
        var text = Encoding.UTF8.GetString(files.Content(file)!);
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        var line = text.Count(c => c == '\n') + 1;
        return (files.With(file, Encoding.UTF8.GetBytes(text + row + "\n")), line);
    }
}
