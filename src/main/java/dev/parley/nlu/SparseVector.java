package dev.parley.nlu;

/** Non-zero entries of a feature vector: parallel arrays of indexes (ascending) and values. */
record SparseVector(int[] indexes, float[] values) {

    /** The dot product with another vector whose indexes are ascending too. */
    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indexes.length && j < other.indexes.length) {
            int a = indexes[i];
            int b = other.indexes[j];
            if (a == b) {
                sum += values[i++] * other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
