using System.Globalization;
using System.Text;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Pipeline.Calibration;
using Twin.Sim.Engine;
using Twin.Sim.Systems;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests.Calibration;

/// <summary>
/// Calibration to meter readings: synthetic readings made from the model with known factors per typology (and a
/// deterministic ±4 % scatter) must give those factors back, and the fit statistics must say so.
/// </summary>
public sealed class MeterCalibrationTests
{
    private static TwinStock Stock => PipelineFixtures.SampleStock;

    private static TwinData Data => PipelineFixtures.Data;

    /// <summary>The known truth: multi-family blocks use 20 % less than the TABULA measured level, apartment blocks 15 % more.</summary>
    private static double TrueFactor(string typology) => typology.Contains(".MFH.", StringComparison.Ordinal) ? 0.8 : typology.Contains(".AB.", StringComparison.Ordinal) ? 1.15 : 1.0;

    /// <summary>Uniform ±4 % scatter (σ = 0.04/√3), deterministic per building: a seeded generator, in building order.</summary>
    private static double[] Scatter(int n)
    {
        var random = new Random(20261201);
        return Enumerable.Range(0, n).Select(_ => 1.0 + (0.04 * ((2 * random.NextDouble()) - 1))).ToArray();
    }

    [Fact]
    public void BuildingReadings_RecoverKnownFactors_AndTheFitSaysSo()
    {
        BuildingStock s = Stock.Buildings;
        double[][] model = Simulator.StartStateFinalEnergy(s, Data.Simulation, 2025, new SimulationOptions());
        var csv = new StringBuilder("building_id,carrier,year,kwh\n");
        double[] scatter = Scatter(s.Count);
        for (int i = 0; i < s.Count; i++)
        {
            if (s.TypologyIndex[i] < 0)
            {
                continue;
            }

            string code = Data.Simulation.Typologies.Types[s.TypologyIndex[i]].Code;
            foreach (Carrier c in Enum.GetValues<Carrier>().Where(c => model[(int)c][i] > 0))
            {
                csv.Append(CultureInfo.InvariantCulture, $"{s.Ids[i]},{SimulationData.CarrierName(c)},2023,{model[(int)c][i] * TrueFactor(code) * scatter[i]:R}\n");
            }
        }

        MeterFit fit = Fit(csv.ToString(), out List<DataIssue> issues);
        Assert.Empty(issues);
        Assert.Equal(2445, fit.ReadingsUsed);
        Assert.True(fit.Factors.Count >= 5, $"{fit.Factors.Count} typologies fitted");
        foreach (TypologyFactor f in fit.Factors)
        {
            // Least squares weights buildings by their size: the error of the estimate is σ/√n_eff with n_eff = (Σs)²/Σs²
            // over the typology's modelled readings s, σ = 0.04/√3 for the uniform ±4 % scatter; allow four of them.
            double[] sizes = Enumerable.Range(0, s.Count).Where(i => s.TypologyIndex[i] >= 0 && Data.Simulation.Typologies.Types[s.TypologyIndex[i]].Code == f.Typology)
                .Select(i => model.Sum(c => c[i])).ToArray();
            double effective = sizes.Sum() * sizes.Sum() / sizes.Sum(v => v * v);
            double tolerance = 4 * 0.04 / Math.Sqrt(3 * effective);
            Assert.True(Math.Abs((f.Factor / TrueFactor(f.Typology)) - 1) <= tolerance, $"{f.Typology}: n_eff {effective:0.0}, factor {f.Factor:0.0000}");
        }

        Assert.Equal(0.8, fit.Factors.Where(f => f.Typology.Contains(".MFH.", StringComparison.Ordinal)).MaxBy(f => f.Readings)!.Factor, 0.01);

        Assert.True(Math.Abs(fit.Before.NmbePercent) > 10, $"before: NMBE {fit.Before.NmbePercent} %"); // the uncalibrated model is biased
        Assert.InRange(fit.After.NmbePercent, -1, 1);
        Assert.InRange(fit.After.CvRmsePercent, 0.5, 5); // the scatter is left
        Assert.True(fit.After.MeetsMonthlyCriteria, $"after: {fit.After}");

        // Applied, the factors scale every scenario's energy.
        TwinData calibrated = MeterCalibration.Apply(Data, fit);
        double[][] after = Simulator.StartStateFinalEnergy(s, calibrated.Simulation, 2025, new SimulationOptions());
        int mfh = Enumerable.Range(0, s.Count).First(i => s.TypologyIndex[i] >= 0 && Data.Simulation.Typologies.Types[s.TypologyIndex[i]].Code.Contains(".MFH.", StringComparison.Ordinal));
        int dh = (int)Carrier.DistrictHeat;
        string mfhCode = Data.Simulation.Typologies.Types[s.TypologyIndex[mfh]].Code;
        Assert.Equal(model[dh][mfh] * fit.ByTypology[mfhCode], after[dh][mfh], 1e-6);
        Assert.Contains(calibrated.Files, f => f.Role == "metered");
    }

    [Fact]
    public void NeighbourhoodReadings_OfMixedTypologies_RecoverTheFactors()
    {
        BuildingStock s = Stock.Buildings;
        double[][] model = Simulator.StartStateFinalEnergy(s, Data.Simulation, 2025, new SimulationOptions());
        int dh = (int)Carrier.DistrictHeat;
        var csv = new StringBuilder("neighbourhood,carrier,year,kwh\n");
        foreach (int hood in Enumerable.Range(0, s.NeighbourhoodNames.Count))
        {
            double sum = Enumerable.Range(0, s.Count).Where(i => s.NeighbourhoodIndex[i] == hood && s.TypologyIndex[i] >= 0)
                .Sum(i => model[dh][i] * TrueFactor(Data.Simulation.Typologies.Types[s.TypologyIndex[i]].Code));
            if (sum > 0)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{s.NeighbourhoodNames[hood]},districtHeat,2023,{sum:R}\n");
            }
        }

        MeterFit fit = Fit(csv.ToString(), out _);
        Assert.True(fit.ReadingsUsed >= 15);
        // Without scatter, every typology that is told apart comes back exactly; the residual is nil.
        TypologyFactor big = fit.Factors.MaxBy(f => f.ModelledKWh)!;
        Assert.Equal(TrueFactor(big.Typology), big.Factor, 0.01);
        Assert.InRange(fit.After.CvRmsePercent, 0, 0.5);
    }

    [Fact]
    public void UnusableReadings_AreSkipped_WithTheirReason()
    {
        BuildingStock s = Stock.Buildings;
        int mfh = Enumerable.Range(0, s.Count).First(i => s.TypologyIndex[i] >= 0 && s.SizeClass[i] == SizeClass.MFH);
        int office = Enumerable.Range(0, s.Count).First(i => s.TypologyIndex[i] < 0);
        string csv = "building_id,carrier,year,kwh\n"
            + $"{s.Ids[mfh]},districtHeat,2023,150000\n"
            + $"{s.Ids[mfh]},districtheat,2023,150000\n"  // typo in the carrier
            + $"{s.Ids[mfh]},gas,2023,90000\n"            // the model heats it with district heat
            + $"{s.Ids[office]},districtHeat,2023,1000\n" // not simulated
            + "no-such-building,gas,2023,100\n"
            + $"{s.Ids[mfh]},districtHeat,23,150000\n"
            + $"{s.Ids[mfh]},districtHeat,2023,-5\n";
        MeterFit fit = Fit(csv, out List<DataIssue> readIssues);
        Assert.Equal(1, fit.ReadingsUsed);
        DataIssue[] all = [.. readIssues, .. fit.Issues];
        Assert.Contains(all, i => i.Value == "districtheat" && i.Hint.Contains("Did you mean districtHeat", StringComparison.Ordinal) && i.Message.Contains("line 3", StringComparison.Ordinal));
        Assert.Contains(all, i => i.Message.Contains("meters gas, but the model heats this building with district-heat", StringComparison.Ordinal));
        Assert.Contains(all, i => i.Message.Contains("not simulated", StringComparison.Ordinal));
        Assert.Contains(all, i => i.FeatureId == "no-such-building" && i.Message.Contains("is not a building of the stock", StringComparison.Ordinal));
        Assert.Contains(all, i => i.Field == "year" && i.Value == "23");
        Assert.Contains(all, i => i.Field == "kwh" && i.Value == "-5" && i.Unit == "kWh");
        Assert.Equal(6, all.Count(i => i.Outcome == IssueOutcome.Rejected));
    }

    [Fact]
    public void NoUsableReading_IsAnError()
    {
        var ex = Assert.Throws<InputException>(() => Fit("building_id,carrier,year,kwh\nno-such-building,gas,2023,100\n", out _));
        Assert.Contains(ex.Issues, i => i.Message.Contains("has no reading the stock can use", StringComparison.Ordinal));
        var notMeter = Assert.ThrowsAny<InputException>(() => Fit("id,value\n1,2\n", out _));
        Assert.Contains(notMeter.Issues, i => i.Message.Contains("is not a meter file", StringComparison.Ordinal));
    }

    [Fact]
    public void ImplausibleFactor_IsReportedButNotApplied_AndAnExactFitIsNotAssessable()
    {
        BuildingStock s = Stock.Buildings;
        int mfh = Enumerable.Range(0, s.Count).First(i => s.TypologyIndex[i] >= 0 && s.SizeClass[i] == SizeClass.MFH);
        MeterFit fit = Fit($"building_id,carrier,year,kwh\n{s.Ids[mfh]},districtHeat,2023,0\n", out _); // a meter reading 0
        TypologyFactor f = Assert.Single(fit.Factors);
        Assert.False(f.Applied);
        Assert.Empty(fit.ByTypology);
        Assert.Contains(fit.Issues, i => i.Outcome == IssueOutcome.Warning && i.Message.Contains("not applied", StringComparison.Ordinal));
        Assert.False(fit.After.Assessable); // one reading, one factor
        Assert.False(fit.After.MeetsMonthlyCriteria);
        TwinData applied = MeterCalibration.Apply(Data, fit);
        double[][] model = Simulator.StartStateFinalEnergy(s, applied.Simulation, 2025, new SimulationOptions());
        Assert.True(model[(int)Carrier.DistrictHeat][mfh] > 0);
    }

    private static MeterFit Fit(string csv, out List<DataIssue> issues)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "meters.csv");
        File.WriteAllText(path, csv);
        issues = [];
        IReadOnlyList<MeterReading> readings = MeterCalibration.Read(path, issues);
        return MeterCalibration.Fit(Stock, Data, path, readings, 2025);
    }
}
