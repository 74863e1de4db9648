using System.Text.Json.Nodes;
using Monitoring.Core.Instruments;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>The rules checked inside one instrument file, through the loader.</summary>
public sealed class InstrumentReaderTests
{
    private const string Welbevinden = "instruments/welbevinden.json";
    private const string Leiderschap = "instruments/gedeeld-leiderschap.json";

    [Fact]
    public async Task AnUnknownItemInAScaleIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![0]!["items"]![2] = "wb_99");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[0].items[2]", "unknown-item", "'wb_99'");
    }

    [Fact]
    public async Task AnItemOfAnotherInstrumentInAScaleIsUnknown()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![1]!["items"]!.AsArray().Add("gl_01"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[1].items[6]", "unknown-item", "'gl_01'");
    }

    [Fact]
    public async Task AnItemListedTwiceInAScaleIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![0]!["items"]!.AsArray().Add("wb_03"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[0].items[5]", "duplicate-item", "'wb_03'");
    }

    [Fact]
    public async Task AReverseKeyOnAnItemTheScaleDoesNotHaveIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![1]!["reverse"]!.AsArray().Add("wb_01"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[1].reverse[3]", "reverse-not-in-scale", "'wb_01'");
    }

    [Fact]
    public async Task ASubscaleThatDoesNotReverseKeyItsParentsReverseKeyedItemIsInconsistent()
    {
        using var copy = new StudyCopy().Edit(Leiderschap, i => i["scales"]![0]!["subscales"]![0]!["reverse"]!.AsArray().Clear());

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Leiderschap, "$.scales[0].subscales[0].reverse", "inconsistent-reverse", "'gl_04'");
    }

    [Fact]
    public async Task ASubscaleThatReverseKeysAnItemItsParentDoesNotIsInconsistent()
    {
        using var copy = new StudyCopy().Edit(Leiderschap, i => i["scales"]![0]!["subscales"]![2]!["reverse"]!.AsArray().Add("gl_11"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Leiderschap, "$.scales[0].subscales[2].reverse", "inconsistent-reverse", "'gl_11'");
    }

    [Fact]
    public async Task ASubscaleItemThatItsParentLacksIsReported()
    {
        using var copy = new StudyCopy().Edit(Leiderschap, i => i["scales"]![0]!["items"]!.AsArray().RemoveAt(14));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Leiderschap, "$.scales[0].subscales[2].items[4]", "subscale-item-not-in-parent", "'gl_15'");
    }

    [Fact]
    public async Task MinEqualToMaxIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![0]!["min"] = 5);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[0].min", "min-not-below-max");
    }

    [Fact]
    public async Task MinAboveMaxIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![1]!["min"] = 7);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[1].min", "min-not-below-max", "7");
    }

    [Fact]
    public async Task ALabelOutsideTheFormatsRangeIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![0]!["labels"]![5]!["value"] = 6);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[0].labels[5].value", "label-out-of-range", "6");
    }

    [Fact]
    public async Task AValueLabelledTwiceIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![1]!["labels"]![1]!["value"] = 1);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[1].labels[1].value", "duplicate-label");
    }

    [Fact]
    public async Task AFormatWithSomeValuesUnlabelledIsValid()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![0]!["labels"]!.AsArray().RemoveAt(2));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal([0, 1, 3, 4, 5], result.Study!.Items[0].Format.Labels.Select(l => l.Value));
    }

    [Fact]
    public async Task AnItemWithoutDutchTextIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![3]!["text"]!.AsObject().Remove("nl"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[3].text.nl", "missing-dutch");
    }

    [Fact]
    public async Task AnItemWithBlankDutchTextIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![0]!["text"]!["nl"] = "   ");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[0].text.nl", "missing-dutch");
    }

    [Fact]
    public async Task AnItemWithoutEnglishTextIsValidAndFallsBackToDutch()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![0]!["text"]!.AsObject().Remove("en"));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        var text = result.Study!.Items[0].Text;
        Assert.Null(text.En);
        Assert.Equal(text.Nl, text.In("en"));
    }

    [Fact]
    public async Task AScaleWithoutDutchNameIsReported()
    {
        using var copy = new StudyCopy().Edit(Leiderschap, i => i["scales"]![0]!["subscales"]![1]!["name"]!["nl"] = "");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Leiderschap, "$.scales[0].subscales[1].name.nl", "missing-dutch");
    }

    [Fact]
    public async Task ALabelWithoutDutchTextIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![1]!["labels"]![4]!.AsObject().Remove("nl"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[1].labels[4].nl", "missing-dutch");
    }

    [Fact]
    public async Task AnInstrumentWithoutDutchNameIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["name"] = new JsonObject { ["en"] = "Well-being" });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.name.nl", "missing-dutch");
    }

    [Fact]
    public async Task AnItemWithAnUnknownFormatIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![7]!["format"] = "akkoord7");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[7].format", "unknown-format", "'akkoord7'");
    }

    [Fact]
    public async Task ADuplicateResponseFormatIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![1]!["id"] = "who5");

        var result = await copy.LoadAsync();

        Assert.Contains(result.Problems, p => (p.File, p.Path, p.Code) == (Welbevinden, "$.responseFormats[1].id", "duplicate-id"));
    }

    [Fact]
    public async Task AnItemIdThatIsNotAVariableNameIsReported()
    {
        using var copy = new StudyCopy().Replace(Welbevinden, "\"wb_02\"", "\"WB-02\"");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[1].id", "bad-id", "'WB-02'");
    }

    [Fact]
    public async Task AnItemIdLongerThan32CharactersIsReported()
    {
        var id = "w" + new string('b', 32);
        using var copy = new StudyCopy().Replace(Welbevinden, "\"wb_02\"", $"\"{id}\"");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[1].id", "bad-id");
    }

    [Fact]
    public async Task AScaleIdThatIsNotAVariableNameIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![1]!["id"] = "Draagkracht");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[1].id", "bad-id");
    }

    [Fact]
    public async Task AMisspeltPropertyIsAnUnknownProperty()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i =>
        {
            var scale = i["scales"]![1]!.AsObject();
            scale.Remove("minAnsweredShare");
            scale["minAnsweredshare"] = 0.8;
        });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[1].minAnsweredshare", "unknown-property", "minAnsweredShare");
    }

    [Fact]
    public async Task ATextWhereANumberBelongsIsAWrongType()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![0]!["max"] = "5");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[0].max", "wrong-type");
    }

    [Fact]
    public async Task AFractionalBoundIsAWrongType()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["responseFormats"]![0]!["max"] = 5.5);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.responseFormats[0].max", "wrong-type");
    }

    [Fact]
    public async Task AMissingVersionIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i.Remove("version"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.version", "missing");
    }

    [Fact]
    public async Task AnItemWithoutFormatIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["items"]![0]!.AsObject().Remove("format"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.items[0].format", "missing");
    }

    [Fact]
    public async Task AnInstrumentWithoutScalesIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"] = new JsonArray());

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales", "empty");
    }

    [Fact]
    public async Task AMinimumShareOfZeroIsOutOfRange()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![0]!["minAnsweredShare"] = 0);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[0].minAnsweredShare", "out-of-range");
    }

    [Fact]
    public async Task AnUnknownScoringMethodIsReported()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i => i["scales"]![0]!["scoring"] = "median");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Welbevinden, "$.scales[0].scoring", "unknown-scoring", "'median'");
    }

    [Fact]
    public async Task ScoringAndShareAreReadFromTheScale()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i =>
        {
            i["scales"]![1]!["scoring"] = "sum";
            i["scales"]![1]!["minAnsweredShare"] = 1.0;
            i["scales"]![0]!.AsObject().Remove("minAnsweredShare");
        });

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        var draagkracht = result.Study!.FindScale(new ScaleId("draagkracht"))!;
        Assert.Equal(ScoringMethod.Sum, draagkracht.Scoring);
        Assert.Equal(1.0, draagkracht.MinAnsweredShare);
        Assert.Equal(0.5, result.Study.FindScale(new ScaleId("welbevinden"))!.MinAnsweredShare);
    }

    [Fact]
    public async Task ScaleItemsFollowTheInstrumentsItemOrderWhateverTheScaleLists()
    {
        using var copy = new StudyCopy().Edit(Welbevinden, i =>
        {
            var items = i["scales"]![0]!["items"]!.AsArray();
            var reversed = items.Select(n => n!.GetValue<string>()).Reverse().ToArray();
            items.Clear();
            foreach (var id in reversed) items.Add(id);
        });

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal(["wb_01", "wb_02", "wb_03", "wb_04", "wb_05"], result.Study!.FindScale(new ScaleId("welbevinden"))!.Items.Select(i => i.Value));
    }
}
