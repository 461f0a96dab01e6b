package org.citykpi.index;

import java.io.InvalidObjectException;

/**
 * What the serial forms of this package share. Types that travel to the workers of a cluster (an
 * analysis, its index, data and hierarchy) write a serial form of their definitions, and reading it
 * builds and checks the value again through its factory, so a stream can never make a value that
 * the factories would refuse.
 */
final class SerialForms {
    private SerialForms() {}

    /** Returns the exception that a serial form which its factory refuses is read as. */
    static InvalidObjectException invalid(String what, RuntimeException cause) {
        InvalidObjectException e = new InvalidObjectException("not a valid " + what + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /** Returns the exception that reading a value other than through its serial form gives. */
    static InvalidObjectException notSerialForm(String what) {
        return new InvalidObjectException("a " + what + " is read through its serial form");
    }
}
