namespace Twin.Sim.Systems;

/// <summary>Final-energy carriers delivered to buildings.</summary>
public enum Carrier
{
    /// <summary>Natural gas.</summary>
    Gas,
    /// <summary>Heating oil.</summary>
    Oil,
    /// <summary>Coal.</summary>
    Coal,
    /// <summary>Wood pellets and other biomass.</summary>
    Biomass,
    /// <summary>District heat delivered.</summary>
    DistrictHeat,
    /// <summary>Electricity from the grid.</summary>
    Electricity,
}

/// <summary>Heat generators for space heating and domestic hot water.</summary>
public enum HeatingSystem
{
    /// <summary>Gas boiler.</summary>
    GasBoiler,
    /// <summary>Oil boiler.</summary>
    OilBoiler,
    /// <summary>Coal boiler or stove.</summary>
    CoalBoiler,
    /// <summary>Biomass (pellet) boiler.</summary>
    BiomassBoiler,
    /// <summary>District-heating substation.</summary>
    DistrictHeat,
    /// <summary>Direct electric heating.</summary>
    DirectElectric,
    /// <summary>Air-source heat pump.</summary>
    AirHeatPump,
    /// <summary>Ground-source heat pump.</summary>
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
    string Source)
{
    /// <summary>Annual maintenance as a share of the investment [1/a] (EN 15459-1 §6: annual costs).</summary>
    public double MaintenanceSharePerYear { get; init; }
}

/// <summary>A per-carrier property (price, emission or primary-energy factor) that may change year by year, linearly between given years.</summary>
public sealed class Trajectory
{
    private readonly int[] _years;
    private readonly double[] _values;

    /// <summary>A trajectory through (year, value) points.</summary>
    public Trajectory(IReadOnlyDictionary<int, double> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A trajectory needs at least one (year, value) point.", nameof(points));
        }

        _years = points.Keys.Order().ToArray();
        _values = _years.Select(y => points[y]).ToArray();
    }

    /// <summary>The same value in every year.</summary>
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
