using NetTopologySuite.Geometries;
using Twin.Core.Spatial;

namespace Twin.Core.Tests.Spatial;

public sealed class FootprintMetricsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void TwoSquares_SharingOneWall_CountItOnceForEach()
    {
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))");
        Assert.Equal(10.0, m.PartyWallLengthM[0], Tolerance);
        Assert.Equal(10.0, m.PartyWallLengthM[1], Tolerance);
        Assert.Equal(40.0, m.PerimeterM[0], Tolerance);
        Assert.Equal(0.0, m.ExposedEastM[0], Tolerance); // its east wall is the party wall
        Assert.Equal(10.0, m.ExposedWestM[0], Tolerance);
        Assert.Equal(0.0, m.ExposedWestM[1], Tolerance);
        Assert.Equal(100.0, m.AreaM2[0], Tolerance);
    }

    [Fact]
    public void TerraceOfThree_MiddleHouseHasTwoPartyWalls()
    {
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 6 0, 6 9, 0 9, 0 0))",
            "POLYGON ((6 0, 12 0, 12 9, 6 9, 6 0))",
            "POLYGON ((12 0, 18 0, 18 9, 12 9, 12 0))");
        Assert.Equal([9.0, 18.0, 9.0], m.PartyWallLengthM);
        Assert.Equal(12.0, m.ExposedNorthM[1] + m.ExposedSouthM[1], Tolerance);
    }

    [Fact]
    public void PartialOverlap_CountsOnlyTheSharedStretch()
    {
        // Neighbour's west wall spans y 5..20 against our east wall y 0..10: 5 m shared.
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((10 5, 20 5, 20 20, 10 20, 10 5))");
        Assert.Equal(5.0, m.PartyWallLengthM[0], Tolerance);
        Assert.Equal(5.0, m.PartyWallLengthM[1], Tolerance);
    }

    [Fact]
    public void NeighbourWithVertexInsideOurWall_StillShares()
    {
        // The neighbour splits the shared line at (10, 4): two collinear edges must be merged, not double counted.
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 4, 10 0))");
        Assert.Equal(10.0, m.PartyWallLengthM[0], Tolerance);
        Assert.Equal(10.0, m.PartyWallLengthM[1], Tolerance);
    }

    [Fact]
    public void SmallDigitisingGap_WithinTolerance_IsPartyWall()
    {
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((10.2 0, 20 0, 20 10, 10.2 10, 10.2 0))");
        Assert.Equal(10.0, m.PartyWallLengthM[0], Tolerance);
    }

    [Fact]
    public void OneMetrePassage_IsNotPartyWall()
    {
        FootprintMeasures m = Measure(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((11 0, 20 0, 20 10, 11 10, 11 0))");
        Assert.Equal(0.0, m.PartyWallLengthM[0], Tolerance);
        Assert.Equal(40.0, m.ExposedNorthM[0] + m.ExposedEastM[0] + m.ExposedSouthM[0] + m.ExposedWestM[0], Tolerance);
    }

    [Fact]
    public void Courtyard_HoleWallsAreExposedWithInwardFacingOrientation()
    {
        // 30×30 block with a 10×10 courtyard: the courtyard's north-side wall faces south, etc.
        FootprintMeasures m = Measure("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
        Assert.Equal(160.0, m.PerimeterM[0], Tolerance);
        Assert.Equal(40.0, m.ExposedNorthM[0], Tolerance); // 30 outer + 10 courtyard
        Assert.Equal(40.0, m.ExposedSouthM[0], Tolerance);
        Assert.Equal(800.0, m.AreaM2[0], Tolerance);
    }

    [Fact]
    public void ClockwiseShell_GivesSameOrientationAsCounterClockwise()
    {
        FootprintMeasures cw = Measure("POLYGON ((0 0, 0 10, 20 10, 20 0, 0 0))");
        FootprintMeasures ccw = Measure("POLYGON ((0 0, 20 0, 20 10, 0 10, 0 0))");
        Assert.Equal(ccw.ExposedNorthM[0], cw.ExposedNorthM[0], Tolerance);
        Assert.Equal(20.0, cw.ExposedNorthM[0], Tolerance);
        Assert.Equal(10.0, cw.ExposedEastM[0], Tolerance);
    }

    [Fact]
    public void MissingFootprint_IsSkippedAndZero()
    {
        FootprintMeasures m = FootprintMetrics.Compute([Fixtures.Wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), null]);
        Assert.Equal(0.0, m.AreaM2[1]);
    }

    [Fact]
    public void LargeRandomStock_OneThreadOrAll_BitIdentical()
    {
        var rng = new Random(42);
        var factory = new GeometryFactory();
        Geometry?[] footprints = Enumerable.Range(0, 5000).Select(i =>
        {
            double x = (i % 70) * 12.0 + (rng.NextDouble() < 0.5 ? 0 : 0.1), y = (i / 70) * 15.0;
            return (Geometry?)factory.ToGeometry(new Envelope(x, x + 12.0, y, y + 10.0 + rng.NextDouble()));
        }).ToArray();
        FootprintMeasures a = FootprintMetrics.Compute(footprints, FootprintMetricsOptions.Default, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        FootprintMeasures b = FootprintMetrics.Compute(footprints, FootprintMetricsOptions.Default, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) });
        Assert.Equal(a.PartyWallLengthM, b.PartyWallLengthM);
        Assert.Equal(a.ExposedSouthM, b.ExposedSouthM);
        Assert.True(a.PartyWallLengthM.Count(x => x > 0) > 4000);
    }

    private static FootprintMeasures Measure(params string[] wkt) => FootprintMetrics.Compute(wkt.Select(w => (Geometry?)Fixtures.Wkt(w)).ToArray());
}
