package dev.parley.nlu;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantised) from the model jar, run by an ONNX Runtime session: the mean of the
 * token vectors of the last layer, L2-normalised. Each text is computed on the calling thread (one
 * sentence is too small a job to split) with every graph optimisation on. Texts are cut to their
 * first {@link #MAX_TOKENS} tokens: the cost grows with the length, and what a chat message asks is
 * said early. The session and the tokenizer are made once and warmed up before first use.
 */
final class MiniLmEncoder {
    /** Word pieces per text, [CLS] and [SEP] included; 99 % of BANKING77's test texts fit in 47. */
    static final int MAX_TOKENS = 32;
    static final int DIMENSIONS = 384;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    MiniLmEncoder() {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream model = resource(MODEL);
             InputStream vocabulary = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false",
                    "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence encoder cannot be loaded", e);
        }
        // the first runs of a session allocate and plan; a flow's first text should not pay for them
        List.of("warm up", "a longer sentence to warm the encoder up before it meets real texts")
                .forEach(this::embed);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path");
        }
        return in;
    }

    /** The embedding of one text: {@link #DIMENSIONS} floats of unit length. */
    float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = tensor(encoding.getIds(), shape);
             OnnxTensor mask = tensor(encoding.getAttentionMask(), shape);
             OnnxTensor types = tensor(encoding.getTypeIds(), shape);
             OrtSession.Result result = session.run(
                     Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return meanOfUnitLength(((float[][][]) result.get(0).getValue())[0]);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence encoder failed", e);
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    private static float[] meanOfUnitLength(float[][] tokens) {
        float[] mean = new float[DIMENSIONS];
        for (float[] token : tokens) {
            for (int d = 0; d < DIMENSIONS; d++) {
                mean[d] += token[d];
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            mean[d] *= scale;
        }
        return mean;
    }
}
