package org.citykpi.io.csv;

import java.io.IOException;
import java.io.Writer;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;

/**
 * Writes a catalog as CSV, one row per indicator (parts are listed in the JSON and markdown forms):
 * {@code id,code,name,dimension,sub_dimension,category,tier,unit,direction,formula,source}. The
 * source is the indicator's methodology reference, or the formula's source when that is all there
 * is. Cells are spreadsheet-safe. Stateless and thread-safe.
 */
public final class CatalogCsv {
    /** The header row. */
    public static final String HEADER =
            "id,code,name,dimension,sub_dimension,category,tier,unit,direction,formula,source";

    private CatalogCsv() {}

    /**
     * Writes the header and {@code catalog} to {@code out} (not closed, flushed).
     *
     * @param catalog the catalog: one row per indicator, in catalog order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Catalog catalog, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (Indicator i : catalog.indicators()) {
            String source = i.source().isEmpty() ? i.sources().getOrDefault("formula", "") : i.source();
            csv.line(
                    i.id(),
                    i.code(),
                    i.name(),
                    i.dimension(),
                    i.subDimension(),
                    i.category(),
                    i.tier().word(),
                    i.unit(),
                    i.direction().word(),
                    i.formulaText(),
                    source);
        }
        csv.flush();
    }
}
