using ScottPlot;
using ScottPlot.TickGenerators;
using Monitoring.Reports.Text;

namespace Monitoring.Reports.Charts;

/// <summary>The common look of the frames: font, sizes, grid, and ticks labelled in the report's number format.</summary>
internal static class ChartStyle
{
    /// <summary>The font the figures are measured with (Debian's fonts-dejavu-core); pages ask browsers for it or a look-alike.</summary>
    public const string FontName = "DejaVu Sans";

    public static Plot NewFrame(float fontSize)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#E4E4E4");
        plot.Axes.Color(Color.FromHex("#333333"));
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = fontSize;
            axis.Label.FontSize = fontSize;
            axis.Label.Bold = false;
            axis.MajorTickStyle.Length = 4;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        return plot;
    }

    /// <summary>Applies the font last, so that it reaches every label added while building.</summary>
    public static Plot Finish(Plot plot)
    {
        plot.Font.Set(FontName);
        return plot;
    }

    /// <summary>Category ticks at 0, 1, 2, … labelled <paramref name="labels"/>.</summary>
    public static NumericManual CategoryTicks(IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Count; i++) ticks.AddMajor(i, labels[i]);
        return ticks;
    }

    /// <summary>Ticks from <paramref name="min"/> to <paramref name="max"/> every <paramref name="step"/>, labelled in <paramref name="numbers"/>' format.</summary>
    public static NumericManual ValueTicks(double min, double max, double step, Numbers numbers)
    {
        var decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        var ticks = new NumericManual();
        var first = Math.Ceiling(min / step - 1e-9) * step;
        for (var v = first; v <= max + step * 1e-6; v += step)
            ticks.AddMajor(v, numbers.Tick(Math.Abs(v) < step * 1e-6 ? 0 : v, decimals));
        return ticks;
    }

    /// <summary>The smallest round tick step that gives at most <paramref name="maxTicks"/> intervals over <paramref name="range"/>.</summary>
    public static double NiceStep(double range, int maxTicks = 10)
    {
        if (range <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(range / maxTicks)));
        foreach (var factor in (double[])[1, 2, 2.5, 5, 10])
            if (range / (factor * magnitude) <= maxTicks) return factor * magnitude;
        return 10 * magnitude;
    }
}
