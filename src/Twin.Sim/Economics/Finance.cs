namespace Twin.Sim.Economics;

/// <summary>Discounting and residual values (EN 15459-1:2017 §6: global cost with residual value of components outliving the period).</summary>
public static class Finance
{
    /// <summary>Present-value factor of a cash flow in <paramref name="year"/> seen from <paramref name="baseYear"/>: 1/(1+r)^(year−base).</summary>
    public static double DiscountFactor(double rate, int year, int baseYear) => Math.Pow(1.0 + rate, -(year - baseYear));

    /// <summary>Straight-line residual value of an investment made in <paramref name="installYear"/> at the end of <paramref name="lastYear"/>.</summary>
    public static double ResidualValue(double investment, int lifetimeYears, int installYear, int lastYear)
    {
        int used = lastYear - installYear + 1;
        return lifetimeYears <= 0 || used >= lifetimeYears ? 0.0 : investment * (lifetimeYears - used) / lifetimeYears;
    }
}
