package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexData;
import org.citykpi.io.ReadResult;
import org.citykpi.io.csv.CoinrCsvWriter;
import org.citykpi.io.read.TargetsReader;
import org.jspecify.annotations.Nullable;

/**
 * The index input of {@code citykpi index --catalog}: the catalog's KPIs computed from city data
 * (as {@code compute} computes them) and arranged in the catalog's hierarchy by {@link
 * Hierarchy#fromCatalog}. A KPI without a value for a unit is missing there (COINr's NA); a KPI
 * without a value for any unit, or best within a target band, is left out with a note.
 */
record CatalogInput(Hierarchy hierarchy, IndexData data, Map<String, String> units, boolean hasErrors) {

    /** Reads data and targets (problems and the account line on {@code err}), computes and arranges the KPIs. */
    static CatalogInput read(Path dataFile, String catalogSpec, @Nullable Path targetsFile, PrintWriter err) {
        Catalog cat = CommandSupport.catalog(catalogSpec);
        ReadResult read = CommandSupport.data(List.of(dataFile), false, false, null, cat, false, err);
        TargetsReader.Result tg = CommandSupport.targets(targetsFile, cat, err);
        Results results = Engine.create(cat).evaluate(read.dataset());
        for (RuleViolation v : results.violations()) {
            err.println("citykpi: " + v.message());
        }
        if (results.rowCount() == 0) {
            throw new CliException(ExitCodes.DATA_ERRORS, dataFile + ": no city data to build an index from");
        }
        List<String> kept = new ArrayList<>();
        List<String> band = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Indicator i : cat.indicators()) {
            if (i.direction() == Direction.TARGET) {
                band.add(i.id());
            } else if (results.availableCount(i.id()) == 0) {
                empty.add(i.id());
            } else {
                kept.add(i.id());
                units.put(i.id(), i.unit());
            }
        }
        if (!band.isEmpty()) {
            err.println("note: left out " + band.size() + " KPI(s) best within a target band, which an index cannot"
                    + " orient: " + String.join(", ", band));
        }
        if (!empty.isEmpty()) {
            err.println("note: left out " + empty.size() + " KPI(s) with no value for any city: "
                    + String.join(", ", empty));
        }
        if (kept.isEmpty()) {
            throw new CliException(
                    ExitCodes.DATA_ERRORS,
                    dataFile + ": no KPI of catalog " + cat.id() + " has a value, so there is no index to build");
        }
        Hierarchy h;
        try {
            h = Hierarchy.fromCatalog(cat, kept, tg.targets());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.DATA_ERRORS, "catalog " + cat.id() + ": " + e.getMessage());
        }
        err.flush();
        boolean errors = read.rowsRejected() > 0 || read.hasErrors() || tg.hasErrors();
        return new CatalogInput(h, IndexData.from(results, kept), Map.copyOf(units), errors);
    }

    /** Writes the iMeta and iData tables where asked; returns the exit code so far. */
    int write(@Nullable Path meta, @Nullable Path idata, PrintWriter err) {
        Path file = meta;
        try {
            if (meta != null) {
                try (Writer w = CommandSupport.output(meta)) {
                    CoinrCsvWriter.meta(hierarchy, units, w);
                }
            }
            file = idata;
            if (idata != null) {
                try (Writer w = CommandSupport.output(idata)) {
                    CoinrCsvWriter.data(data, w);
                }
            }
        } catch (IOException e) {
            err.println(file + ":0:0: cannot write: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        return ExitCodes.OK;
    }
}
