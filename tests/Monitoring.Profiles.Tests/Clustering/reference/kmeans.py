# Reference within-cluster sums of squares for KMeansQualityTests: the best of 50 k-means++ restarts of
# scikit-learn 1.2 (Debian python3-sklearn 1.2.1) on the sample study's profile points (points.csv, written by the test).
# Run from this folder:   /usr/bin/python3 kmeans.py
import numpy as np
import sklearn
from sklearn.cluster import KMeans

x = np.loadtxt("points.csv", delimiter=",")
with open("kmeans_wcss.csv", "w") as out:
    out.write("k,wcss\n")
    for k in range(2, 9):
        fit = KMeans(n_clusters=k, n_init=50, random_state=20210901, algorithm="lloyd", tol=1e-10, max_iter=1000).fit(x)
        out.write(f"{k},{fit.inertia_:.17g}\n")
print("scikit-learn", sklearn.__version__, "points", x.shape)
