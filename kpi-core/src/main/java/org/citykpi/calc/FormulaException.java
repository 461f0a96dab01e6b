package org.citykpi.calc;

import org.citykpi.Quote;

/**
 * Thrown when formula text cannot be compiled. The message names the formula and the 1-based
 * column: {@code formula '100 * a /': column 10: expected a number, a name, a function or '('
 * (found the end of the formula)}; a formula longer than {@value Quote#MAX_CHARS} characters is
 * quoted by {@link Quote#of}: its start and end and its length.
 */
public final class FormulaException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The formula text. */
    private final String formula;

    /** The 1-based column of the problem. */
    private final int column;

    /** What is wrong, without the position. */
    private final String reason;

    FormulaException(String formula, int column, String reason) {
        super("formula " + Quote.of(formula) + ": column " + column + ": " + reason);
        this.formula = formula;
        this.column = column;
        this.reason = reason;
    }

    /** {@return the formula text} */
    public String formula() {
        return formula;
    }

    /** {@return the 1-based column where the problem is} */
    public int column() {
        return column;
    }

    /** {@return what is wrong, without the position} */
    public String reason() {
        return reason;
    }
}
