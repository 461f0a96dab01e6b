/**
 * Sensor and meter observations and their roll-ups: the columnar store of readings per (station,
 * property), the calendar they are counted against, and the statistics that turn hourly readings
 * into daily and annual values under coverage rules, mergeable so that a roll-up gives the same bits
 * in one pass, in chunks or on a cluster. No I/O: readers fill the store through {@link
 * org.citykpi.observe.Observations#builder()}.
 */
@NullMarked
package org.citykpi.observe;

import org.jspecify.annotations.NullMarked;
