using MathNet.Numerics.LinearAlgebra;

namespace Monitoring.Analysis.Measurement;

/// <summary>One group's model matrices and its model-implied covariance matrix and means.</summary>
internal sealed record GroupMatrices(Matrix<double> Lambda, Matrix<double> Phi, Vector<double> Theta, Vector<double> Nu,
    Vector<double> Alpha, Matrix<double> Sigma, Vector<double> Mu);
