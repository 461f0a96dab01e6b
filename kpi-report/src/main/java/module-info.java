import org.jspecify.annotations.NullMarked;

/** The self-contained HTML report of a city's KPIs, scores and progress, with inline SVG charts. */
@NullMarked
module org.citykpi.report {
    requires transitive org.citykpi.core;
    requires static org.jspecify;

    exports org.citykpi.report;
}
