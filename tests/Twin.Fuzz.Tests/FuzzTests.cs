using Xunit.Abstractions;

namespace Twin.Fuzz.Tests;

/// <summary>
/// The seeded fuzz campaign at CI size: every kind of input, mutated <see cref="CiCases"/> times, must end in a clear
/// error or a counted repair/reject — never a crash, a hang, memory beyond the input, a silent wrong answer, a .NET
/// message, or an invalid input accepted. The long campaign (12,000 cases) is <c>--long</c>, see README.md here.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IClassFixture<FuzzTests.Shared>
{
    /// <summary>Cases per kind in CI (8 kinds: 3,200 cases, about 25 s on 2 cores).</summary>
    public const int CiCases = 400;

    /// <summary>The fixed seed of the CI campaign.</summary>
    public const int CiSeed = 20261201;

    public static TheoryData<string> Kinds => new(Enum.GetNames<InputKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryCase_EndsInAClearErrorOrACountedResult(string kind)
    {
        InputKind k = Enum.Parse<InputKind>(kind);
        List<CaseResult> results = new Campaign(Shared.Corpus, CiSeed).Run(k, CiCases).ToList();
        output.WriteLine(Report.Table(results));
        List<CaseResult> failures = results.Where(r => Report.IsFailure(r.Outcome)).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20).Select(r => $"{r.Kind} #{r.Index} {r.Outcome}: {r.What} → {r.Detail}")));
        Assert.Contains(results, r => r.Outcome == Outcome.Accepted); // the corpus is valid: mutations that change nothing are accepted
        Assert.Contains(results, r => r.Outcome == Outcome.InputError); // and the mutations do break it
    }

    /// <summary>One corpus for all kinds (building it loads the reference data and writes the valid files once).</summary>
    public sealed class Shared : IDisposable
    {
        private static readonly Lazy<Corpus> Lazy = new(Corpus.Create);

        internal static Corpus Corpus => Lazy.Value;

        public void Dispose()
        {
            if (Lazy.IsValueCreated)
            {
                Lazy.Value.Dispose();
            }
        }
    }
}
