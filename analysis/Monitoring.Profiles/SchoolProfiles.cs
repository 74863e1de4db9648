using System.Collections.Concurrent;
using Monitoring.Core.Results;
using Monitoring.Core.Settings;
using Monitoring.Core.Studies;
using Monitoring.Profiles.Clustering;
using Monitoring.Profiles.Movement;
using Monitoring.Profiles.Naming;
using Monitoring.Profiles.Points;

namespace Monitoring.Profiles;

/// <summary>
/// School profiles: k-means clusters (ML.NET) of the schools' reliability-adjusted, standardized leaf-scale means
/// per wave, with k chosen by the BIC of a Gaussian mixture (no profiles when one group has the highest BIC),
/// bootstrap stability, generated names and the movement of schools between profiles. The method and its sample sizes are in docs/methods.md, "School profiles".
/// </summary>
public static class SchoolProfiles
{
    /// <summary>The ML.NET fits run on at most this many points (a seeded sample); the centroids are then refined on all points.</summary>
    public const int MaxFitPoints = 200;

    /// <summary>The average silhouette is exact up to this many points, and computed on a seeded sample of this size above it.</summary>
    public const int MaxSilhouettePoints = 4000;

    /// <summary>The stability bootstrap resamples a seeded sample of at most this many points.</summary>
    public const int MaxBootstrapPoints = 500;

    /// <summary>The stability of each k that is not chosen rests on at most this many resamples; the chosen k gets all of them.</summary>
    public const int MaxSelectionResamples = 10;

    /// <summary>The Gaussian mixtures behind the choice of k are fitted to a seeded sample of at most this many points.</summary>
    public const int MaxMixturePoints = 2000;

    private const int MaxRefinementIterations = 10;

    /// <summary>Computes the school profiles of <paramref name="study"/> from its school means.</summary>
    /// <param name="study">The study: its schools, networks, waves and scales.</param>
    /// <param name="means">Every school's mean on every scale per wave, with its number of valid scores; means on parent scales are ignored.</param>
    /// <param name="settings">k range or forced k, restarts, resamples, stability threshold and seed.</param>
    /// <param name="privacyThreshold">A school-wave takes part only with at least this many valid scores on every leaf scale.</param>
    /// <returns>The profiles; when they cannot be computed (too few school-waves, no spread at baseline), results with <see cref="ProfileResults.NotComputedReason"/> set.</returns>
    /// <exception cref="ArgumentException">When a mean names an unknown school, wave or scale, or repeats one; or the settings are out of range.</exception>
    /// <param name="intraclass">ICC(1) per scale and wave: when given, each school mean is reliability-adjusted (empirical Bayes) before clustering.</param>
    public static ProfileResults Compute(Study study, IReadOnlyList<SchoolMean> means, ProfileSettings settings, int privacyThreshold,
        IReadOnlyList<IntraclassResult>? intraclass = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);

        var space = ProfileSpace.Build(study, means, privacyThreshold, intraclass);
        var n = space.Count;
        var ks = CandidateKs(settings, n);
        if (space.Problem is not null) return NotComputed(space, settings, space.Problem);
        if (ks.Length == 0 || (settings.ForcedK is { } forced && forced >= n))
            return NotComputed(space, settings, $"Only {n} school-waves take part; {settings.ForcedK ?? settings.MinK} profiles need at least {(settings.ForcedK ?? settings.MinK) + 1}.");

        var d = space.Dimensions;
        var x = space.X;
        var columns = Partition.Columns(x, d);
        var fitSample = SeededRandom.For(settings.Seed, Streams.FitSample).Sample(n, MaxFitPoints);
        var sampleRows = fitSample.Select(i => new ProfileRow { Features = Array.ConvertAll(x[(i * d)..((i + 1) * d)], v => (float)v) }).ToArray();
        var partitions = new Partition[ks.Length];
        // Larger k first: their fits take longest, so the cores finish together. No more threads than cores:
        // ML.NET's own waits would otherwise let the pool add threads that only compete for them.
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, ks.Length).Reverse(), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            q => partitions[q] = Fit(x, columns, d, sampleRows, ks[q], settings));

        var silhouetteSample = SeededRandom.For(settings.Seed, Streams.SilhouetteSample).Sample(n, MaxSilhouettePoints);
        var silhouettes = ClusterQuality.Silhouettes(x, d, silhouetteSample, partitions.Select(p => (p.Labels, p.K)).ToArray());
        var bic = new double[ks.Length];
        var mixture = new MixtureSample(space.SelectionX, d, SeededRandom.For(settings.Seed, Streams.MixtureSample).Sample(n, MaxMixturePoints));
        var singleGroupBic = double.NaN;
        if (settings.ForcedK is null)
        {
            Parallel.For(0, ks.Length + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, q =>
            {
                if (q == ks.Length) singleGroupBic = GaussianMixture.Estimate(mixture.X, d, new int[mixture.Labels.Length], 1).Bic;
                else bic[q] = GaussianMixture.Estimate(mixture.X, d, mixture.LabelsOf(partitions[q]), ks[q]).Bic;
            });
        }
        else Array.Fill(bic, double.NaN);
        var chosen = settings.ForcedK is { } k ? Array.IndexOf(ks, k) : ArgMax(bic);
        if (settings.ForcedK is null && !(bic[chosen] > singleGroupBic))
        {
            var rows = partitions.Select((p, q) => new ProfileSelection(ks[q], silhouettes[q],
                ClusterQuality.DaviesBouldin(x, d, p.Labels, p.Centroids, p.K), ClusterQuality.CalinskiHarabasz(x, d, p.Labels, p.Centroids, p.K),
                ClusterQuality.WithinSumOfSquares(x, d, p.Labels, p.Centroids), double.NaN, 0, false) { Bic = bic[q] }).ToArray();
            return NotComputed(space, settings, NoClearProfilesReason(ks[chosen], bic[chosen], singleGroupBic)) with
            {
                Selection = rows,
                NoClearProfiles = true,
                SingleGroupBic = singleGroupBic,
                Sampling = new ProfileSampling(n, fitSample.Length, silhouetteSample.Length, 0, 0),
            };
        }

        var bootstrapSample = SeededRandom.For(settings.Seed, Streams.BootstrapSample).Sample(n, MaxBootstrapPoints);
        var selectionResamples = Math.Min(settings.BootstrapResamples, MaxSelectionResamples);
        var jobs = partitions.Select((p, q) => new Stability.Job(p, q == chosen ? settings.BootstrapResamples : selectionResamples)).ToArray();
        var stability = Stability.Run(x, d, bootstrapSample, jobs, settings.Seed);

        var selection = partitions.Select((p, q) => new ProfileSelection(
            ks[q],
            silhouettes[q],
            ClusterQuality.DaviesBouldin(x, d, p.Labels, p.Centroids, p.K),
            ClusterQuality.CalinskiHarabasz(x, d, p.Labels, p.Centroids, p.K),
            ClusterQuality.WithinSumOfSquares(x, d, p.Labels, p.Centroids),
            stability[q].MeanAdjustedRand,
            jobs[q].Resamples,
            q == chosen) { Bic = bic[q] }).ToArray();

        var partition = partitions[chosen];
        var centroids = Centroids(study, space, partition, stability[chosen], settings.StabilityThreshold);
        var profiles = Profiles(study, space, partition);
        return new ProfileResults(
            space.Scales.Select(s => s.Id).ToArray(),
            space.Baseline,
            space.Reference,
            partition.K,
            settings.ForcedK is not null,
            settings.Seed,
            settings.Restarts,
            settings.BootstrapResamples,
            new ProfileSampling(n, fitSample.Length, silhouetteSample.Length, bootstrapSample.Length, selectionResamples),
            selection,
            centroids,
            profiles,
            ProfileTransitions.Of(study, profiles),
            space.LeftOut,
            null) { SingleGroupBic = singleGroupBic };
    }

    /// <summary>The points (and, per partition, the labels) of the seeded sample the mixtures are fitted to.</summary>
    private sealed class MixtureSample(double[] x, int d, int[] rows)
    {
        public double[] X { get; } = rows.SelectMany(i => x[(i * d)..((i + 1) * d)]).ToArray();

        public int[] Labels { get; } = new int[rows.Length];

        public int[] LabelsOf(Partition partition) => Array.ConvertAll(rows, i => partition.Labels[i]);
    }

    private static string NoClearProfilesReason(int k, double bic, double single) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"No clear profiles: one group fits the school means better (BIC {single:F1}) than any number of profiles from 2 up (best: k = {k}, BIC {bic:F1}).");

    /// <summary>
    /// The best of <see cref="ProfileSettings.Restarts"/> ML.NET fits on the fit sample (the lowest within-cluster
    /// sum of squares over all points; the earliest on a tie), refined on all points.
    /// </summary>
    private static Partition Fit(double[] x, double[] columns, int d, ProfileRow[] sampleRows, int k, ProfileSettings settings)
    {
        var fitter = new KMeansFitter(SeededRandom.ContextSeed(settings.Seed, Streams.FitContext, k), d);
        double[] best = [];
        var bestSquares = double.PositiveInfinity;
        for (var restart = 0; restart < settings.Restarts; restart++)
        {
            var centroids = fitter.Fit(sampleRows, k);
            var squares = Partition.SumOfSquares(columns, x.Length / d, d, centroids, centroids.Length / d);
            if (squares < bestSquares)
            {
                bestSquares = squares;
                best = centroids;
            }
        }
        return Partition.Refine(x, columns, d, best, best.Length / d, MaxRefinementIterations);
    }

    private static ProfileCentroid[] Centroids(Study study, ProfileSpace space, Partition partition, Stability.Outcome stability, double threshold)
    {
        var d = space.Dimensions;
        var namer = new ProfileNamer(study, space.Scales);
        return Enumerable.Range(0, partition.K).Select(c =>
        {
            var z = partition.Centroids.AsSpan(c * d, d);
            var values = new CentroidValue[d];
            for (var l = 0; l < d; l++)
                values[l] = new CentroidValue(space.Scales[l].Id, z[l], space.Reference[l].Mean + z[l] * space.Reference[l].StandardDeviation);
            var jaccard = stability.MeanJaccard[c];
            return new ProfileCentroid(c + 1, namer.Name(z), values, partition.Sizes[c], jaccard, jaccard >= threshold);
        }).ToArray();
    }

    private static SchoolProfile[] Profiles(Study study, ProfileSpace space, Partition partition)
    {
        var d = space.Dimensions;
        var profiles = new SchoolProfile[space.Count];
        for (var i = 0; i < profiles.Length; i++)
        {
            var school = study.Schools[space.School[i]].Id;
            var label = partition.Labels[i];
            var distance = ClusterQuality.Distance(space.X.AsSpan(i * d, d), partition.Centroids.AsSpan(label * d, d));
            profiles[i] = new SchoolProfile(school, study.NetworkOf(school)?.Id, study.Waves[space.Wave[i]].Id, label + 1, distance);
        }
        return profiles;
    }

    /// <summary>MinK..MaxK, plus a forced k outside that range, each below the number of points (a silhouette needs k &lt; n).</summary>
    private static int[] CandidateKs(ProfileSettings settings, int n)
    {
        var ks = Enumerable.Range(settings.MinK, settings.MaxK - settings.MinK + 1).ToList();
        if (settings.ForcedK is { } forced && !ks.Contains(forced)) ks.Add(forced);
        return ks.Where(k => k < n).Order().ToArray();
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    private static void Validate(ProfileSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinK, 2, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxK, settings.MinK, nameof(settings));
        if (settings.ForcedK is { } forced) ArgumentOutOfRangeException.ThrowIfLessThan(forced, 2, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Restarts, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BootstrapResamples, 1, nameof(settings));
    }

    private static ProfileResults NotComputed(ProfileSpace space, ProfileSettings settings, string reason) => new(
        space.Scales.Select(s => s.Id).ToArray(),
        space.Baseline,
        space.Reference,
        0,
        settings.ForcedK is not null,
        settings.Seed,
        settings.Restarts,
        settings.BootstrapResamples,
        new ProfileSampling(space.Count, 0, 0, 0, 0),
        [],
        [],
        [],
        [],
        space.LeftOut,
        reason);
}
