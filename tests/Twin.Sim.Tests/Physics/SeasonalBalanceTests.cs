using Twin.Sim.Physics;

namespace Twin.Sim.Tests.Physics;

public sealed class SeasonalBalanceTests
{
    /// <summary>
    /// AT.N.AB.01.Gen.ReEx.001.001 of the EPISCOPE export, worked by hand from its inputs: h_tr = 2.155429,
    /// h_ve = 0.34·(0.4 + 0.2)·2.5 = 0.51, F_red = 0.95 − 0.1·(h_tr − 1)/3 = 0.911486, ΣΔT = (20 − 3.9)·212 = 3413.2 Kd,
    /// q_sol = 8.975227, q_int = 3·212·0.024 = 15.264, c_m = 45 → published q_h_nd = 175.994029 kWh/(m²a).
    /// </summary>
    [Fact]
    public void Compute_AustrianApartmentBlock_MatchesPublishedIntermediateValues()
    {
        var x = new SeasonalBalanceInputs
        {
            TransmissionWPerM2K = 2.155429146704133,
            VentilationWPerM2K = SeasonalBalance.VentilationWPerM2K(0.4, 0.2, 2.5),
            ReductionFactorAtHtr1 = 0.95,
            ReductionFactorAtHtr4 = 0.85,
            InternalTemperatureC = 20,
            ExternalTemperatureC = 3.9,
            HeatingDays = 212,
            SolarGainsKWhPerM2 = 8.975227147152026,
            InternalGainsWPerM2 = 3,
            HeatCapacityWhPerM2K = 45,
        };
        SeasonalBalanceResult r = SeasonalBalance.Compute(x);
        Assert.Equal(0.51, x.VentilationWPerM2K, 1e-12);
        Assert.Equal(0.9114856951098622, r.TemperatureReductionFactor, 1e-12);
        Assert.Equal(160.93725410778885, r.TransmissionLossKWhPerM2, 1e-9);
        Assert.Equal(38.07965560847954, r.VentilationLossKWhPerM2, 1e-9);
        Assert.Equal(15.264, r.InternalGainsKWhPerM2, 1e-12);
        Assert.Equal(16.882834816916283, r.TimeConstantH, 1e-9);
        Assert.Equal(0.9498191072687204, r.GainUtilisation, 1e-12);
        Assert.Equal(175.99402862647673, r.HeatNeedKWhPerM2, 1e-9);
    }

    [Theory]
    [InlineData(0.5, 0.9, 0.8, 1.0)] // anchor of the low branch
    [InlineData(1.0, 0.9, 0.8, 0.9)]
    [InlineData(2.5, 0.9, 0.8, 0.85)]
    [InlineData(4.0, 0.9, 0.8, 0.8)]
    [InlineData(7.0, 0.9, 0.8, 0.8)] // constant above 4
    [InlineData(0.2028764, 0.9, 0.8, 1.0594247)] // AT.MT.TH.07 published F_red_temp
    public void TemperatureReductionFactor_Branches(double hTr, double f1, double f4, double expected) =>
        Assert.Equal(expected, SeasonalBalance.TemperatureReductionFactor(hTr, f1, f4), 1e-6);

    [Theory]
    [InlineData(0.0, 1.5, 1.0)]
    [InlineData(1.0, 1.5, 0.6)] // a/(a+1)
    [InlineData(0.5, 1.0, 0.6666666666666666)] // (1−0.5)/(1−0.25)
    [InlineData(2.0, 1.0, 0.3333333333333333)] // (1−2)/(1−4)
    public void GainUtilisation_Iso13790Equation(double gamma, double a, double expected) =>
        Assert.Equal(expected, SeasonalBalance.GainUtilisation(gamma, a), 1e-12);
}
