package uk.rcc.exchange;

import java.util.List;

/** A data set was rejected whole; {@link #errors()} lists every problem found, sorted by file and line. */
public class InvalidDatasetException extends RuntimeException {
    private final List<DatasetError> errors;

    public InvalidDatasetException(List<DatasetError> errors) {
        super(summary(errors));
        this.errors = errors.stream().sorted().toList();
    }

    public List<DatasetError> errors() {
        return errors;
    }

    private static String summary(List<DatasetError> errors) {
        StringBuilder text = new StringBuilder(errors.size() + " error(s) in the data set");
        errors.stream()
                .sorted()
                .limit(50)
                .forEach(e -> text.append(System.lineSeparator()).append(e));
        if (errors.size() > 50) {
            text.append(System.lineSeparator())
                    .append("... and ")
                    .append(errors.size() - 50)
                    .append(" more");
        }
        return text.toString();
    }
}
