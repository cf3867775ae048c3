using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Sim.Engine;
using Twin.Sim.Systems;

namespace Twin.Pipeline.Calibration;

/// <summary>One meter reading: the annual delivered energy of one carrier to a building or to all simulated buildings of a neighbourhood.</summary>
/// <param name="Line">Line of the reading in the file (the header is line 1).</param>
/// <param name="BuildingId">The building metered, or null for a neighbourhood reading.</param>
/// <param name="Neighbourhood">The neighbourhood metered, or null for a building reading.</param>
/// <param name="Carrier">The carrier metered.</param>
/// <param name="Year">The year of the reading.</param>
/// <param name="KWh">Metered delivered energy in that year [kWh].</param>
public sealed record MeterReading(int Line, string? BuildingId, string? Neighbourhood, Carrier Carrier, int Year, double KWh);

/// <summary>
/// The factor fitted for one TABULA typology (metered ≈ factor × modelled) over the readings it takes part in, with its
/// modelled energy and the metered energy attributed to it (each reading shared by the typologies' fitted shares).
/// </summary>
public sealed record TypologyFactor(string Typology, int Readings, double ModelledKWh, double MeteredKWh, double Factor)
{
    /// <summary>Whether the factor is applied: only plausible ones (<see cref="MeterCalibration.PlausibleMin"/>–<see cref="MeterCalibration.PlausibleMax"/>) are.</summary>
    public bool Applied => Factor >= MeterCalibration.PlausibleMin && Factor <= MeterCalibration.PlausibleMax;
}

/// <summary>
/// Goodness of fit as in ASHRAE Guideline 14-2014 §4.3.3.4: NMBE = Σ(m − s) / ((n − p)·m̄) and
/// CV(RMSE) = √(Σ(m − s)² / (n − p)) / m̄, both in percent, over n readings with p fitted parameters.
/// </summary>
public sealed record FitQuality(int Readings, int Parameters, double NmbePercent, double CvRmsePercent)
{
    /// <summary>Guideline 14's criteria for calibration to monthly data: |NMBE| ≤ 5 %, CV(RMSE) ≤ 15 %; false when not assessable.</summary>
    public bool MeetsMonthlyCriteria => Math.Abs(NmbePercent) <= 5 && CvRmsePercent <= 15;

    /// <summary>False when there are no more readings than fitted parameters (n ≤ p): the fit is exact and says nothing.</summary>
    public bool Assessable => double.IsFinite(NmbePercent);
}

/// <summary>The result of fitting per-typology calibration factors to meter readings.</summary>
public sealed record MeterFit(string Source, IReadOnlyList<TypologyFactor> Factors, FitQuality Before, FitQuality After, int ReadingsUsed, IReadOnlyList<DataIssue> Issues)
{
    /// <summary>The applied (plausible) factors by TABULA building code, for <see cref="ConsumptionCalibration.WithTypologyFactors"/>.</summary>
    public IReadOnlyDictionary<string, double> ByTypology => Factors.Where(f => f.Applied).ToDictionary(f => f.Typology, f => f.Factor, StringComparer.Ordinal);
}

/// <summary>
/// Calibration of the baseline to metered consumption (<c>twin run --metered file.csv</c>): the start-state delivered
/// energy of every building (already at TABULA's measured-consumption level, <see cref="ConsumptionCalibration"/>) is
/// compared with annual meter readings per building or neighbourhood and carrier, and one factor per typology is fitted
/// by least squares (metered ≈ Σ_t f_t · modelled_t); the factors then multiply every scenario's energy. Readings are
/// compared with the model's climate as they are: normalise them to that climate (degree days) first when the years differ.
/// </summary>
public static class MeterCalibration
{
    /// <summary>The columns of a meter file; exactly one of building_id and neighbourhood is set per row.</summary>
    public static readonly IReadOnlyList<string> Columns = ["building_id", "neighbourhood", "carrier", "year", "kwh"];

    /// <summary>Factors outside this range [-] are reported but not applied: the model or the meter is likely wrong (e.g. the assumed heating, a meter covering part of a building).</summary>
    public const double PlausibleMin = 0.3, PlausibleMax = 2.0;

    /// <summary>Reads a meter file: building_id or neighbourhood, carrier, year, kwh.</summary>
    /// <exception cref="InputException">The file is missing, unreadable, lacks a column, or has no usable row (all problems listed).</exception>
    public static IReadOnlyList<MeterReading> Read(string path, List<DataIssue> issues)
    {
        InputFiles.Require(path, "meter", "--metered");
        CsvTable t = CsvTable.Parse(InputFiles.ReadText(path, "meter", "--metered"), path);
        string[] missing = Columns.Where(c => c is not ("building_id" or "neighbourhood") && !t.Has(c)).ToArray();
        if (missing.Length > 0 || (!t.Has("building_id") && !t.Has("neighbourhood")))
        {
            throw InputException.Fatal(path, "--metered", null, $"is not a meter file (it lacks {string.Join(", ", missing.DefaultIfEmpty("building_id or neighbourhood"))})", "Give one reading per row: building_id or neighbourhood, carrier (gas, coal, districtHeat, electricity, …), year, kwh.", IssueCodes.InvalidTable);
        }

        var readings = new List<MeterReading>();
        for (int r = 0; r < t.Rows.Count; r++)
        {
            string[] row = t.Rows[r];
            string id = t.Has("building_id") ? t.Get(row, "building_id").Trim() : string.Empty;
            string hood = t.Has("neighbourhood") ? t.Get(row, "neighbourhood").Trim() : string.Empty;
            string key = id.Length > 0 ? id : hood.Length > 0 ? hood : $"line {r + 2}";
            string carrierText = t.Get(row, "carrier").Trim(), yearText = t.Get(row, "year").Trim(), kwhText = t.Get(row, "kwh").Trim();
            void Skip(string field, string? value, string? unit, string message, string hint) =>
                issues.Add(new DataIssue(path, key, field, value, unit, $"line {r + 2} {message}; the reading is not used", hint, IssueOutcome.Rejected, IssueCodes.InvalidInput));
            if ((id.Length > 0) == (hood.Length > 0))
            {
                Skip("building_id", id, null, id.Length > 0 ? "names both a building and a neighbourhood" : "names neither a building nor a neighbourhood", "Fill exactly one of building_id and neighbourhood.");
            }
            else if (!SimulationData.TryParseCarrier(carrierText, out Carrier carrier))
            {
                string? close = Suggestions.Closest(carrierText, Enum.GetValues<Carrier>().Select(SimulationData.CarrierName));
                Skip("carrier", carrierText, null, "is not a carrier", $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Use {string.Join(", ", Enum.GetValues<Carrier>().Select(SimulationData.CarrierName))}.");
            }
            else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1990 || year > 2100)
            {
                Skip("year", yearText, null, "is not a year of metered data (1990–2100)", "Give the calendar year of the reading, e.g. 2023.");
            }
            else if (!double.TryParse(kwhText, NumberStyles.Float, CultureInfo.InvariantCulture, out double kwh) || !double.IsFinite(kwh) || kwh < 0 || kwh > 1e10)
            {
                Skip("kwh", kwhText, "kWh", "is not an annual delivered energy (0–10¹⁰ kWh)", "Give the year's metered energy in kWh as a plain number (MWh × 1000, GJ × 277.8).");
            }
            else
            {
                readings.Add(new MeterReading(r + 2, id.Length > 0 ? id : null, hood.Length > 0 ? hood : null, carrier, year, kwh));
            }
        }

        return readings;
    }

    /// <summary>Fits one factor per typology to the readings; readings the stock cannot match are skipped with a reason.</summary>
    /// <exception cref="InputException">No reading can be used.</exception>
    public static MeterFit Fit(TwinStock stock, TwinData data, string source, IReadOnlyList<MeterReading> readings, int startYear, RunOptions? options = null)
    {
        BuildingStock s = stock.Buildings;
        SimulationData d = data.Simulation;
        double[][] modelled = Simulator.StartStateFinalEnergy(s, d, startYear, new SimulationOptions { MaxDegreeOfParallelism = options?.MaxDegreeOfParallelism, Cancellation = options?.Cancellation ?? default });
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < s.Count; i++)
        {
            byId.TryAdd(s.Ids[i], i);
        }

        var typologies = new List<string>();
        var typologyIndex = new Dictionary<int, int>();
        var rows = new List<(MeterReading Reading, double[] ByTypology)>();
        var issues = new List<DataIssue>();
        foreach (MeterReading m in readings)
        {
            int[] members = m.BuildingId is string id
                ? byId.TryGetValue(id, out int found) ? [found] : []
                : Enumerable.Range(0, s.Count).Where(i => s.NeighbourhoodIndex[i] >= 0 && s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] == m.Neighbourhood).ToArray();
            string key = m.BuildingId ?? m.Neighbourhood!;
            string carrier = SimulationData.CarrierName(m.Carrier);
            void Skip(string field, string message, string hint) =>
                issues.Add(new DataIssue(source, key, field, m.BuildingId ?? m.Neighbourhood, null, $"line {m.Line} {message}; the reading is not used", hint, IssueOutcome.Rejected, IssueCodes.InvalidInput));
            if (members.Length == 0)
            {
                Skip(m.BuildingId is null ? "neighbourhood" : "building_id", m.BuildingId is null ? "names no neighbourhood of the stock" : "is not a building of the stock", m.BuildingId is null ? "Check the name (the neighbourhood column of the run's tables), and give --neighbourhoods." : "Check the id (the stock's building_id column).");
                continue;
            }

            var vector = new Dictionary<int, double>();
            foreach (int i in members.Where(i => s.TypologyIndex[i] >= 0 && modelled[(int)m.Carrier][i] > 0))
            {
                int t = s.TypologyIndex[i];
                if (!typologyIndex.TryGetValue(t, out int k))
                {
                    k = typologyIndex[t] = typologies.Count;
                    typologies.Add(d.Typologies.Types[t].Code);
                }

                vector[k] = vector.GetValueOrDefault(k) + modelled[(int)m.Carrier][i];
            }

            if (vector.Count == 0)
            {
                string heating = string.Join(", ", members.Where(i => s.TypologyIndex[i] >= 0).Select(i => Sim.Scenarios.ScenarioValidator.KebabName(Simulator.CurrentHeating(d, s, i, out _))).Distinct());
                Skip("carrier", heating.Length == 0
                    ? "meters buildings that are not simulated (no typology)"
                    : $"meters {carrier}, but the model heats {(members.Length == 1 ? "this building" : "these buildings")} with {heating}", heating.Length == 0 ? "Only residential buildings with a TABULA type are simulated so far." : "Correct the current heating (data/current_heating.csv, or a heating attribute of the stock) so the model uses the metered carrier.");
                continue;
            }

            double[] full = new double[typologies.Count];
            foreach ((int k, double v) in vector)
            {
                full[k] = v;
            }

            rows.Add((m, full));
        }

        if (rows.Count == 0)
        {
            throw new InputException([.. issues, new DataIssue(source, null, "--metered", source, null, "has no reading the stock can use", "Match building ids or neighbourhood names of the stock, with the carrier the model heats them with.", IssueOutcome.Fatal, IssueCodes.InvalidInput)]);
        }

        int p = typologies.Count;
        double[][] x = rows.Select(r => r.ByTypology.Length == p ? r.ByTypology : [.. r.ByTypology, .. new double[p - r.ByTypology.Length]]).ToArray();
        double[] y = rows.Select(r => r.Reading.KWh).ToArray();
        double[] f = LeastSquares(x, y, p);
        var factors = new List<TypologyFactor>();
        for (int k = 0; k < p; k++)
        {
            int used = x.Count(r => r[k] > 0);
            // The metered energy attributed to the typology: each reading shared by the typologies' fitted shares of it.
            double mod = x.Sum(r => r[k]);
            double met = x.Select((r, j) => r[k] > 0 ? y[j] * f[k] * r[k] / r.Select((v, l) => v * f[l]).Sum() : 0).Sum();
            factors.Add(new TypologyFactor(typologies[k], used, mod, met, f[k]));
            if (f[k] < PlausibleMin || f[k] > PlausibleMax)
            {
                issues.Add(new DataIssue(source, typologies[k], "factor", f[k].ToString("0.###", CultureInfo.InvariantCulture), "-", $"the fitted factor is outside the plausible {PlausibleMin}–{PlausibleMax} (metered/modelled), so it is not applied (the typology stays at the TABULA measured level)", "Check the meter readings (unit, year, share of the building metered) and the assumed current heating of these buildings.", IssueOutcome.Warning, IssueCodes.InvalidInput));
            }
        }

        double[] ones = Enumerable.Repeat(1.0, p).ToArray();
        // After: with the factors as applied (implausible ones stay at 1).
        double[] applied = f.Select(v => v >= PlausibleMin && v <= PlausibleMax ? v : 1.0).ToArray();
        FitQuality before = Quality(x, y, ones, 0), after = Quality(x, y, applied, applied.Count(v => v != 1.0));
        return new MeterFit(source, factors.OrderBy(t => t.Typology, StringComparer.Ordinal).ToList(), before, after, rows.Count, issues);
    }

    /// <summary>The engine data with the fitted factors on top of the TABULA curves, and the meter file among the inputs.</summary>
    public static TwinData Apply(TwinData data, MeterFit fit) =>
        data.With(data.Simulation with { Calibration = data.Simulation.Calibration.WithTypologyFactors(fit.ByTypology) }, new InputFile("metered", Path.GetFullPath(fit.Source)));

    private static FitQuality Quality(double[][] x, double[] y, double[] f, int parameters)
    {
        int n = y.Length;
        double mean = y.Average(), bias = 0, square = 0;
        for (int j = 0; j < n; j++)
        {
            double e = y[j] - x[j].Select((v, k) => v * f[k]).Sum();
            bias += e;
            square += e * e;
        }

        int dof = n - parameters;
        return mean > 0 && dof > 0 ? new FitQuality(n, parameters, 100 * bias / (dof * mean), 100 * Math.Sqrt(square / dof) / mean) : new FitQuality(n, parameters, double.NaN, double.NaN);
    }

    /// <summary>
    /// Least squares f = argmin Σ_j (y_j − Σ_k f_k x_jk)², by the normal equations with Gaussian elimination; a tiny ridge
    /// towards 1 (10⁻⁹ of each diagonal) keeps typologies that cannot be told apart (always metered together) solvable.
    /// </summary>
    private static double[] LeastSquares(double[][] x, double[] y, int p)
    {
        double[,] a = new double[p, p + 1];
        for (int j = 0; j < y.Length; j++)
        {
            for (int k = 0; k < p; k++)
            {
                for (int l = 0; l < p; l++)
                {
                    a[k, l] += x[j][k] * x[j][l];
                }

                a[k, p] += x[j][k] * y[j];
            }
        }

        for (int k = 0; k < p; k++)
        {
            double ridge = 1e-9 * a[k, k];
            a[k, k] += ridge;
            a[k, p] += ridge; // pulls towards f = 1
        }

        for (int c = 0; c < p; c++)
        {
            int pivot = Enumerable.Range(c, p - c).MaxBy(r => Math.Abs(a[r, c]));
            for (int l = 0; l <= p; l++)
            {
                (a[c, l], a[pivot, l]) = (a[pivot, l], a[c, l]);
            }

            for (int r = 0; r < p; r++)
            {
                if (r != c && a[c, c] != 0)
                {
                    double m = a[r, c] / a[c, c];
                    for (int l = c; l <= p; l++)
                    {
                        a[r, l] -= m * a[c, l];
                    }
                }
            }
        }

        return Enumerable.Range(0, p).Select(k => a[k, k] != 0 ? a[k, p] / a[k, k] : 1.0).ToArray();
    }
}
