namespace Twin.Sim.Systems;

/// <summary>Final-energy carriers delivered to buildings.</summary>
public enum Carrier
{
    Gas,
    Oil,
    Coal,
    Biomass,
    DistrictHeat,
    Electricity,
}

/// <summary>Heat generators for space heating and domestic hot water.</summary>
public enum HeatingSystem
{
    GasBoiler,
    OilBoiler,
    CoalBoiler,
    BiomassBoiler,
    DistrictHeat,
    DirectElectric,
    AirHeatPump,
    GroundHeatPump,
}

/// <summary>Technical and cost data of one heat generator (data/samples/defaults/heating_systems.csv, each row sourced).</summary>
public sealed record HeatingSystemSpec(
    HeatingSystem System,
    Carrier Carrier,
    double SeasonalEfficiency,
    double InvestmentEurPerKw,
    double InvestmentFixedEur,
    int LifetimeYears,
    string Source);

/// <summary>A per-carrier property (price, emission or primary-energy factor) that may change year by year, linearly between given years.</summary>
public sealed class Trajectory
{
    private readonly int[] _years;
    private readonly double[] _values;

    public Trajectory(IReadOnlyDictionary<int, double> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A trajectory needs at least one (year, value) point.", nameof(points));
        }

        _years = points.Keys.Order().ToArray();
        _values = _years.Select(y => points[y]).ToArray();
    }

    public static Trajectory Constant(double value) => new(new Dictionary<int, double> { [2000] = value });

    /// <summary>The value in <paramref name="year"/>: linear between points, constant before the first and after the last.</summary>
    public double At(int year)
    {
        if (year <= _years[0])
        {
            return _values[0];
        }

        for (int i = 1; i < _years.Length; i++)
        {
            if (year <= _years[i])
            {
                double f = (double)(year - _years[i - 1]) / (_years[i] - _years[i - 1]);
                return _values[i - 1] + (f * (_values[i] - _values[i - 1]));
            }
        }

        return _values[^1];
    }
}
