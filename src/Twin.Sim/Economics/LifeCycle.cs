namespace Twin.Sim.Economics;

/// <summary>
/// One building component in a life-cycle cost calculation (EN 15459-1:2017 §6, global cost): its investment, installed in
/// <see cref="InstallYear"/>, replaced at the same real cost every <see cref="LifetimeYears"/>, maintained every year at a
/// share of the investment, and worth its straight-line residual value at the end of the calculation period.
/// </summary>
public readonly record struct Component(double InvestmentEur, int LifetimeYears, double MaintenanceShare, int InstallYear)
{
    /// <summary>Maintenance in <paramref name="year"/> [EUR]: from the installation year on.</summary>
    public double Maintenance(int year) => year >= InstallYear ? InvestmentEur * MaintenanceShare : 0;

    /// <summary>Reinvestment in <paramref name="year"/> [EUR]: at every multiple of the lifetime after installation (not the installation itself).</summary>
    public double Replacement(int year) => LifetimeYears > 0 && year > InstallYear && (year - InstallYear) % LifetimeYears == 0 ? InvestmentEur : 0;

    /// <summary>Straight-line residual value at the end of <paramref name="lastYear"/> of the last (re)installation.</summary>
    public double Residual(int lastYear)
    {
        if (LifetimeYears <= 0 || lastYear < InstallYear)
        {
            return 0;
        }

        int last = InstallYear + ((lastYear - InstallYear) / LifetimeYears * LifetimeYears);
        return Finance.ResidualValue(InvestmentEur, LifetimeYears, last, lastYear);
    }

    /// <summary>
    /// An existing component of unknown age seen from <paramref name="startYear"/>: ASSUMPTION that it is half-way through its
    /// life on average, so its first replacement falls ⌈L/2⌉ years into the period (installed before the period: no investment).
    /// </summary>
    public static Component Existing(double investmentEur, int lifetimeYears, double maintenanceShare, int startYear) =>
        new(investmentEur, lifetimeYears, maintenanceShare, startYear + ((lifetimeYears + 1) / 2) - lifetimeYears);
}
