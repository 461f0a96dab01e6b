package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.citykpi.data.DuplicatePolicy;
import org.citykpi.observe.TimeStamps;

/**
 * Says how {@link org.citykpi.io.read.ObservationReader} reads sensor readings: strict or lenient,
 * decimal separator, duplicates, limits and encoding as for city data ({@link ReadOptions}), plus
 * what only readings need: the zone of local time stamps, whether a stamp marks the start or the
 * end of its interval, the year of interest, and the station and property of SensorThings pages
 * that do not name them. Immutable and thread-safe.
 *
 * @param strict stop at the first data error with a {@link DataFormatException} (default false:
 *     reject the reading, record a {@link Problem} and go on)
 * @param decimalComma read {@code 12,5} as 12.5 (default false)
 * @param duplicates what a second reading with the same station, property and time does (default
 *     {@link DuplicatePolicy#ERROR}: it is rejected, naming the line of the first)
 * @param limits field, record, column, nesting and problem limits
 * @param charset text encoding of byte input (default UTF-8)
 * @param zone the zone of time stamps written without an offset, and of the calendar (days and
 *     years); empty by default: such stamps are then errors, and days and years are UTC
 * @param timeStamps which end of its interval an instant stamp marks: {@link TimeStamps#START} by
 *     default, as EU air-quality e-reporting and openair stamp; {@link TimeStamps#END} for loggers
 *     stamping 01:00 … 24:00. Interval stamps ({@code start/end}) say both and are not affected
 * @param year the year of interest: readings outside it are skipped and counted, not errors; empty
 *     by default (every reading is kept)
 * @param station the station of SensorThings readings whose page names none (no expanded {@code
 *     Datastream/Thing}); empty by default (such readings are then errors)
 * @param property the observed property of SensorThings readings whose page names none; empty by
 *     default
 * @param format the format of every input, or empty to detect it from each input
 */
public record ObservationOptions(
        boolean strict,
        boolean decimalComma,
        DuplicatePolicy duplicates,
        Limits limits,
        Charset charset,
        Optional<ZoneId> zone,
        TimeStamps timeStamps,
        OptionalInt year,
        Optional<String> station,
        Optional<String> property,
        Optional<ObservationFormat> format) {

    /**
     * Validates the fields.
     *
     * @param strict stop at the first data error
     * @param decimalComma accept {@code ,} as decimal separator too
     * @param duplicates what a second reading for the same station, property and time does
     * @param limits field, record, column, nesting and problem limits
     * @param charset text encoding of byte input
     * @param zone the zone of local time stamps and of the calendar; empty for none (UTC calendar)
     * @param timeStamps which end of its interval an instant stamp marks
     * @param year the year of interest, 1 to 9998; empty for every year
     * @param station the station of pages that name none; not blank when present
     * @param property the property of pages that name none; not blank when present
     * @param format the format of every input; empty to detect it
     * @throws IllegalArgumentException if the year is out of range or a station or property is blank
     */
    public ObservationOptions {
        requireNonNull(duplicates, "duplicates");
        requireNonNull(limits, "limits");
        requireNonNull(charset, "charset");
        requireNonNull(zone, "zone");
        requireNonNull(timeStamps, "timeStamps");
        requireNonNull(year, "year");
        requireNonNull(station, "station");
        requireNonNull(property, "property");
        requireNonNull(format, "format");
        if (year.isPresent() && (year.getAsInt() < 1 || year.getAsInt() > 9998)) {
            throw new IllegalArgumentException("year out of range 1-9998: " + year.getAsInt());
        }
        if (station.isPresent() && station.get().isBlank()) {
            throw new IllegalArgumentException("station is blank");
        }
        if (property.isPresent() && property.get().isBlank()) {
            throw new IllegalArgumentException("property is blank");
        }
    }

    /**
     * Returns the default options: lenient, {@code .} as decimal separator, duplicates are errors,
     * {@link Limits#defaults()}, UTF-8, no zone (stamps need an offset; UTC calendar), stamps mark
     * the start of their interval, every year, no default station or property, format detected.
     *
     * @return the default options
     */
    public static ObservationOptions defaults() {
        return new ObservationOptions(
                false,
                false,
                DuplicatePolicy.ERROR,
                Limits.defaults(),
                StandardCharsets.UTF_8,
                Optional.empty(),
                TimeStamps.START,
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns the defaults with what {@code read} says about strictness, decimal separator,
     * duplicates, limits and encoding (the options every CityKPI reader shares).
     *
     * @param read options of city data reading; its units, ranges, entity and format do not apply
     * @return the new options
     */
    public static ObservationOptions of(ReadOptions read) {
        return defaults()
                .withStrict(read.strict())
                .withDecimalComma(read.decimalComma())
                .withDuplicates(read.duplicates())
                .withLimits(read.limits())
                .withCharset(read.charset());
    }

    /**
     * Returns a copy with strict mode on or off.
     *
     * @param on true to stop at the first data error
     * @return the new options
     */
    public ObservationOptions withStrict(boolean on) {
        return new ObservationOptions(
                on, decimalComma, duplicates, limits, charset, zone, timeStamps, year, station, property, format);
    }

    /**
     * Returns a copy that does or does not accept a decimal comma.
     *
     * @param on true to read {@code 12,5} as 12.5
     * @return the new options
     */
    public ObservationOptions withDecimalComma(boolean on) {
        return new ObservationOptions(
                strict, on, duplicates, limits, charset, zone, timeStamps, year, station, property, format);
    }

    /**
     * Returns a copy with another duplicate policy.
     *
     * @param p what a second reading for the same station, property and time does
     * @return the new options
     */
    public ObservationOptions withDuplicates(DuplicatePolicy p) {
        return new ObservationOptions(
                strict, decimalComma, p, limits, charset, zone, timeStamps, year, station, property, format);
    }

    /**
     * Returns a copy with other limits.
     *
     * @param l the field, record, column, nesting and problem limits
     * @return the new options
     */
    public ObservationOptions withLimits(Limits l) {
        return new ObservationOptions(
                strict, decimalComma, duplicates, l, charset, zone, timeStamps, year, station, property, format);
    }

    /**
     * Returns a copy that decodes byte input with another encoding.
     *
     * @param cs the text encoding
     * @return the new options
     */
    public ObservationOptions withCharset(Charset cs) {
        return new ObservationOptions(
                strict, decimalComma, duplicates, limits, cs, zone, timeStamps, year, station, property, format);
    }

    /**
     * Returns a copy that reads stamps without an offset as local time in {@code z}, and counts
     * days and years in it.
     *
     * @param z the zone, e.g. {@code Europe/Paris} or a fixed offset {@code +01:00}
     * @return the new options
     */
    public ObservationOptions withZone(ZoneId z) {
        return new ObservationOptions(
                strict,
                decimalComma,
                duplicates,
                limits,
                charset,
                Optional.of(z),
                timeStamps,
                year,
                station,
                property,
                format);
    }

    /**
     * Returns a copy in which instant stamps mark the start or the end of their interval.
     *
     * @param s which end of its interval an instant stamp marks
     * @return the new options
     */
    public ObservationOptions withTimeStamps(TimeStamps s) {
        return new ObservationOptions(
                strict, decimalComma, duplicates, limits, charset, zone, s, year, station, property, format);
    }

    /**
     * Returns a copy that keeps only the readings of year {@code y}, counting the others as skipped.
     *
     * @param y the year, 1 to 9998
     * @return the new options
     * @throws IllegalArgumentException if the year is out of range
     */
    public ObservationOptions withYear(int y) {
        return new ObservationOptions(
                strict,
                decimalComma,
                duplicates,
                limits,
                charset,
                zone,
                timeStamps,
                OptionalInt.of(y),
                station,
                property,
                format);
    }

    /**
     * Returns a copy that gives SensorThings pages without an expanded Thing this station.
     *
     * @param s the station, not blank
     * @return the new options
     * @throws IllegalArgumentException if {@code s} is blank
     */
    public ObservationOptions withStation(String s) {
        return new ObservationOptions(
                strict,
                decimalComma,
                duplicates,
                limits,
                charset,
                zone,
                timeStamps,
                year,
                Optional.of(s),
                property,
                format);
    }

    /**
     * Returns a copy that gives SensorThings pages without an expanded ObservedProperty this
     * property (normalised like every property name, e.g. {@code PM2.5} to {@code pm25}).
     *
     * @param p the property, not blank
     * @return the new options
     * @throws IllegalArgumentException if {@code p} is blank
     */
    public ObservationOptions withProperty(String p) {
        return new ObservationOptions(
                strict,
                decimalComma,
                duplicates,
                limits,
                charset,
                zone,
                timeStamps,
                year,
                station,
                Optional.of(p),
                format);
    }

    /**
     * Returns a copy that reads every input in one format instead of detecting it.
     *
     * @param f the format
     * @return the new options
     */
    public ObservationOptions withFormat(ObservationFormat f) {
        return new ObservationOptions(
                strict,
                decimalComma,
                duplicates,
                limits,
                charset,
                zone,
                timeStamps,
                year,
                station,
                property,
                Optional.of(f));
    }
}
