/**
 * Sensor and meter observations and their roll-ups: the columnar store of readings per (station,
 * property), the calendar they are counted against, and the statistics that turn hourly readings
 * into daily and annual values under coverage rules, mergeable so that a roll-up gives the same bits
 * in one pass, in chunks or on a cluster. No I/O: readers fill the store through {@link
 * org.citykpi.observe.Observations#builder()}.
 *
 * <pre>{@code
 * Observations.Builder b = Observations.builder();
 * b.add("GE-01", "pm25", epochMillis, 12.5, true, "ug/m3", lineNumber);   // any order
 * Observations obs = b.build();                                           // obs.conflicts(): duplicates, unit clashes
 * Rollup rollup = Rollup.create(YearGrid.of(2023))
 *         .withRule(CoverageRule.EU)
 *         .withStatistics(List.of(Statistic.parse("mean"), Statistic.parse("days_above:15")));
 * List<RollupResult> stations = rollup.run(obs);
 * List<RollupResult> city = CityMean.combine("Geneva", stations);
 * Bridge.Bridged out = Bridge.of(variableMap, catalog).apply(city);        // out.dataset(), out.provenance()
 * }</pre>
 *
 * <p>On a cluster, {@link org.citykpi.observe.Readings} is the aggregation buffer: add, merge in any
 * order, then {@code finish} into a {@link org.citykpi.observe.Series} for {@link
 * org.citykpi.observe.Rollup#series}.
 */
@NullMarked
package org.citykpi.observe;

import org.jspecify.annotations.NullMarked;
