package dev.parley.nlu;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled data set: a CSV file (RFC 4180 quoting) with a header row whose first column is
 * the text and second the label ({@code text,label}, {@code text,category}, …).
 */
public final class LabelledCsv {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private LabelledCsv() {
    }

    /** The examples of the file; an {@link InvalidDataException} names the line of a bad row. */
    public static List<Example> read(Path file) {
        List<Example> examples = new ArrayList<>();
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(file.toFile())) {
            boolean header = true;
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (header) {
                    header = false;
                    continue;
                }
                if (row.size() == 1 && row.getFirst().isBlank()) {
                    continue;
                }
                if (row.size() != 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                    throw new InvalidDataException(file + ":" + line
                            + ": a row needs two non-empty columns, text and label; got " + row.size() + " column(s)");
                }
                examples.add(new Example(row.get(0).strip(), row.get(1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (examples.isEmpty()) {
            throw new InvalidDataException(file + ": no examples after the header row");
        }
        return examples;
    }
}
