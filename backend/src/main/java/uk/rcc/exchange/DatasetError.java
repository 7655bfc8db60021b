package uk.rcc.exchange;

/** One problem found in an input file, reported as {@code file:line: column: message}. */
public record DatasetError(String file, long line, String column, String message) implements Comparable<DatasetError> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + column + ": " + message;
    }

    @Override
    public int compareTo(DatasetError other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Long.compare(line, other.line);
    }
}
