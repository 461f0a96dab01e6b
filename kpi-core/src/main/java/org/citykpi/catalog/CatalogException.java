package org.citykpi.catalog;

/**
 * Thrown when a catalog is inconsistent: a formula names something that is neither a variable nor
 * an indicator, two definitions share an id, or indicators depend on each other in a cycle. The
 * message names the indicator (or rule, or variable) concerned.
 */
public final class CatalogException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The id of the indicator, rule or variable concerned. */
    private final String subject;

    CatalogException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    /** {@return the id of the indicator, rule or variable concerned} */
    public String subject() {
        return subject;
    }
}
