using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// Fits ML.NET k-means (k-means|| initialization, Yinyang-accelerated Lloyd iterations) and returns the
/// centroids. One fitter owns one seeded <see cref="MLContext"/> and is used by one thread: its fits
/// draw their seeds from the context in call order, so a fixed sequence of calls gives fixed centroids.
/// A single training thread, because ML.NET does not promise determinism with more.
/// </summary>
internal sealed class KMeansFitter
{
    /// <summary>Lloyd's iterations stop when the objective improves by less than this share (ML.NET's default is 1e-7).</summary>
    public const float OptimizationTolerance = 1e-4f;

    /// <summary>At most this many Lloyd's iterations (ML.NET's default is 1000).</summary>
    public const int MaximumIterations = 100;

    private readonly MLContext _context;
    private readonly SchemaDefinition _schema;
    private readonly int _dimensions;

    public KMeansFitter(int seed, int dimensions)
    {
        _context = new MLContext(seed);
        _dimensions = dimensions;
        _schema = SchemaDefinition.Create(typeof(ProfileRow));
        _schema[nameof(ProfileRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
    }

    /// <summary>The k centroids of <paramref name="rows"/>, row-major (k × dimensions).</summary>
    public double[] Fit(IEnumerable<ProfileRow> rows, int k)
    {
        var data = _context.Data.LoadFromEnumerable(rows, _schema);
        var trainer = _context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(ProfileRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansYinyang,
            OptimizationTolerance = OptimizationTolerance,
            MaximumNumberOfIterations = MaximumIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] centroids = [];
        model.GetClusterCentroids(ref centroids, out var count);
        var result = new double[count * _dimensions];
        for (var c = 0; c < count; c++)
        {
            var l = 0;
            foreach (var value in centroids[c].DenseValues())
                result[c * _dimensions + l++] = value;
        }
        return result;
    }
}
