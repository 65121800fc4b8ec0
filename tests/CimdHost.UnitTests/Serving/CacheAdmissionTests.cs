using CimdHost.Serving;

namespace CimdHost.UnitTests.Serving;

public sealed class CacheAdmissionTests
{
    [Fact]
    public void FirstRequest_IsNotAdmitted_SecondIs()
    {
        var admission = new CacheAdmission();

        Assert.False(admission.SeenBefore("a.yaml", "/client.json?instance_id=1"));
        Assert.True(admission.SeenBefore("a.yaml", "/client.json?instance_id=1"));
        Assert.True(admission.SeenBefore("a.yaml", "/client.json?instance_id=1"));
    }

    [Fact]
    public void SameTarget_OfAnotherDefinition_IsANewDocument()
    {
        var admission = new CacheAdmission();
        admission.SeenBefore("a.yaml", "/client.json?instance_id=1");

        Assert.False(admission.SeenBefore("b.yaml", "/client.json?instance_id=1"));
    }

    [Fact]
    public void AfterAWindowOfFirstSightings_EverythingIsForgotten()
    {
        var admission = new CacheAdmission();
        Assert.False(admission.SeenBefore("a.yaml", "/first"));

        // The first sighting above is the first of the window; these complete it, and the last one clears the filter.
        var firstSightings = 1;
        for (var i = 0; firstSightings < CacheAdmission.Window; i++)
        {
            if (!admission.SeenBefore("a.yaml", $"/fill/{i}"))
            {
                firstSightings++;
            }
        }

        Assert.False(admission.SeenBefore("a.yaml", "/first"));
    }

    [Fact]
    public void FullWindow_MistakesFewNewDocumentsForSeenOnes()
    {
        var admission = new CacheAdmission();
        for (var i = 0; i < CacheAdmission.Window - 20_000; i++)
        {
            admission.SeenBefore("a.yaml", $"/fill/{i}");
        }

        var mistaken = Enumerable.Range(0, 10_000).Count(i => admission.SeenBefore("a.yaml", $"/probe/{i}"));

        // At most an eighth of the bits are set, so about 11% of new documents look seen; far from all of them.
        Assert.InRange(mistaken, 0, 1_500);
    }

    [Fact]
    public void ConcurrentRequests_ForOneDocument_AdmitAllButTheFirst()
    {
        var admission = new CacheAdmission();
        var admitted = 0;

        Parallel.For(0, 1_000, _ =>
        {
            if (admission.SeenBefore("a.yaml", "/client.json?instance_id=7"))
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(999, admitted);
    }
}
