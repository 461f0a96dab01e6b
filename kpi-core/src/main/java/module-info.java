import org.jspecify.annotations.NullMarked;

/**
 * The CityKPI model and all KPI computation: vocabulary ({@code Period}, {@code Variable}), the
 * columnar {@code Dataset}, formulas and calculators, catalogs, the column-wise engine, U4SSC
 * scoring and progress assessment, observation roll-ups. No I/O and no runtime dependency.
 */
@NullMarked
module org.citykpi.core {
    // static: annotations only, nothing at run time; transitive: @Nullable is part of the
    // exported signatures, so a module that reads this one reads the annotations too
    requires static transitive org.jspecify;

    exports org.citykpi;
    exports org.citykpi.assess;
    exports org.citykpi.calc;
    exports org.citykpi.catalog;
    exports org.citykpi.data;
    exports org.citykpi.engine;
    exports org.citykpi.observe;
    exports org.citykpi.score;
}
