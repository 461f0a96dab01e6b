import org.jspecify.annotations.NullMarked;

/** The self-contained HTML report of a city's KPIs, scores and progress, with inline SVG charts. */
@NullMarked
module org.citykpi.report {
    requires transitive org.citykpi.core;
    // static: annotations only, nothing at run time; transitive: @Nullable is part of the
    // exported signatures, so a module that reads this one reads the annotations too
    requires static transitive org.jspecify;

    exports org.citykpi.report;
}
