import org.jspecify.annotations.NullMarked;

/**
 * Composite indices with COINr semantics: the hierarchy, the pipeline of steps (denominate,
 * impute, screen, treat, normalise, aggregate, rank), statistics and uncertainty analysis. No I/O.
 */
@NullMarked
module org.citykpi.index {
    requires transitive org.citykpi.core;
    requires static org.jspecify;
    requires commons.math3;

    exports org.citykpi.index;
}
