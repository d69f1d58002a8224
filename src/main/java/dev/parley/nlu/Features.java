package dev.parley.nlu;

/** One text as the model sees it: its n-gram vector and, when an encoder is used, its sentence embedding. */
record Features(SparseVector ngrams, float[] embedding) {
}
