using Monitoring.Profiles.Clustering;

namespace Monitoring.Profiles.Tests.Clustering;

public sealed class PartitionAgreementTests
{
    [Fact]
    public void TheAdjustedRandIndexOfASplitClusterIsFourSevenths()
    {
        // Contingency [[2,0,0],[0,1,1]]: index 1, rows 2, columns 1, C(4,2) = 6; expected 2·1/6, maximum 1.5.
        var ari = new PartitionAgreement([0, 0, 1, 1], 2, [0, 0, 1, 2], 3).AdjustedRandIndex();
        Assert.Equal(4.0 / 7, ari, 12);
    }

    [Fact]
    public void TheAdjustedRandIndexMatchesAHandCalculationOnNinePoints()
    {
        // Contingency [[2,1,0],[0,2,1],[0,0,3]]: index 1+1+3 = 5; rows 3·3 = 9; columns 1+3+6 = 10; C(9,2) = 36;
        // expected 9·10/36 = 2.5; maximum 9.5; ARI = 2.5 / 7 = 5/14.
        var ari = new PartitionAgreement([0, 0, 0, 1, 1, 1, 2, 2, 2], 3, [0, 0, 1, 1, 1, 2, 2, 2, 2], 3).AdjustedRandIndex();
        Assert.Equal(5.0 / 14, ari, 12);
    }

    [Fact]
    public void RelabelledPartitionsAgreeFully()
    {
        Assert.Equal(1, new PartitionAgreement([0, 0, 1, 1, 2], 3, [2, 2, 0, 0, 1], 3).AdjustedRandIndex(), 12);
    }

    [Fact]
    public void TheBestJaccardSimilarityIsOverPointsPresentInBoth()
    {
        var agreement = new PartitionAgreement([0, 0, 0, 1, 1, 1, 2, 2, 2], 3, [0, 0, 1, 1, 1, 2, 2, 2, 2], 3);
        Assert.Equal(2.0 / 3, agreement.BestJaccard(0), 12);   // {0,1,2} vs {0,1}
        Assert.Equal(0.5, agreement.BestJaccard(1), 12);       // {3,4,5} vs {2,3,4}: 2/4 (vs {5,6,7,8}: 1/6)
        Assert.Equal(3.0 / 4, agreement.BestJaccard(2), 12);   // {6,7,8} vs {5,6,7,8}

        var masked = new PartitionAgreement([0, 0, 0, 1], 2, [0, -1, 1, 1], 2);
        Assert.Equal(0.5, masked.BestJaccard(0), 12);          // point 1 is absent: {0,2} vs {0}: 1/2 (vs {2,3}: 1/3)
        Assert.True(double.IsNaN(new PartitionAgreement([0, 1], 2, [0, -1], 1).BestJaccard(1)));
    }
}
