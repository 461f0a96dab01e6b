import org.jspecify.annotations.NullMarked;

/**
 * Composite indices with COINr semantics: the hierarchy, the pipeline of steps (denominate,
 * impute, screen, treat, normalise, aggregate, rank), statistics and uncertainty analysis. No I/O.
 */
@NullMarked
module org.citykpi.index {
    requires transitive org.citykpi.core;
    // static: annotations only, nothing at run time; transitive: @Nullable is part of the
    // exported signatures, so a module that reads this one reads the annotations too
    requires static transitive org.jspecify;
    requires commons.math3;

    exports org.citykpi.index;
}
