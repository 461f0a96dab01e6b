import org.jspecify.annotations.NullMarked;

/** The {@code citykpi} command. Its names, options, output columns and exit codes are a contract. */
@NullMarked
module org.citykpi.cli {
    requires org.citykpi.core;
    requires org.citykpi.index;
    requires org.citykpi.io;
    requires org.citykpi.report;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires info.picocli;

    // picocli reads the annotated option fields and instantiates the commands reflectively.
    opens org.citykpi.cli to
            info.picocli;
}
