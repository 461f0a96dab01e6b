import org.jspecify.annotations.NullMarked;

/** Runnable examples of the CityKPI library, each run and checked by a test. */
@NullMarked
module org.citykpi.examples {
    requires org.citykpi.core;
    requires org.citykpi.index;
    requires org.citykpi.io;
    requires org.citykpi.report;
    requires static org.jspecify;

    exports org.citykpi.examples;
}
