import org.jspecify.annotations.NullMarked;

/**
 * Readers and writers of every format CityKPI speaks (long and wide CSV, Open SDG, SDMX-CSV, COINr
 * iData/iMeta, JSON, NGSI-LD) and the bundled catalogs and targets. The reading internals (the CSV
 * tokenizer, the format readers, the sink that validates every observation) live in {@code
 * org.citykpi.io.internal}, which is not exported.
 */
@NullMarked
module org.citykpi.io {
    requires transitive org.citykpi.core;
    requires transitive org.citykpi.index;
    // static: annotations only, nothing at run time; transitive: @Nullable is part of the
    // exported signatures, so a module that reads this one reads the annotations too
    requires static transitive org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports org.citykpi.io;
    exports org.citykpi.io.catalog;
    exports org.citykpi.io.coinr;
    exports org.citykpi.io.csv;
    exports org.citykpi.io.json;
    exports org.citykpi.io.ngsi;
    exports org.citykpi.io.read;
}
