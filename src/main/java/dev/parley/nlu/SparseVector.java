package dev.parley.nlu;

/** Non-zero entries of a feature vector: parallel arrays of indexes (ascending) and values. */
record SparseVector(int[] indexes, float[] values) {
}
