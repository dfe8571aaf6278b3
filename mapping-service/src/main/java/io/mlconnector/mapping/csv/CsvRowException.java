package io.mlconnector.mapping.csv;

/** A CSV import row that cannot be used; the whole import is rejected. Row 1 is the header line. */
public final class CsvRowException extends RuntimeException {
    private final int row;
    private final String reason;

    public CsvRowException(int row, String reason) {
        super("Row " + row + ": " + reason);
        this.row = row;
        this.reason = reason;
    }

    public int row() {
        return row;
    }

    public String reason() {
        return reason;
    }
}
