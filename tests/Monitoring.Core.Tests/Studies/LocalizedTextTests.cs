using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Studies;

public sealed class LocalizedTextTests
{
    [Fact]
    public void EnglishIsShownWhenAskedAndGiven()
    {
        var text = new LocalizedText("Leraar", "Teacher");

        Assert.Equal("Teacher", text.In("en"));
        Assert.Equal("Teacher", text.In("EN"));
        Assert.Equal("Leraar", text.In("nl"));
        Assert.Equal("Leraar", text.In("fr"));
    }

    [Fact]
    public void BlankEnglishFallsBackToDutch()
    {
        var text = new LocalizedText("Leraar", " ");

        Assert.Null(text.En);
        Assert.Equal("Leraar", text.In("en"));
    }

    [Fact]
    public void BlankDutchIsACallersBug()
    {
        Assert.ThrowsAny<ArgumentException>(() => new LocalizedText(" ", "Teacher"));
    }
}
