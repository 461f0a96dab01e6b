package org.citykpi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.Formula;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;

/** Catalogs and target sets survive Java serialization (how they reach Spark executors) unchanged. */
class SerialFormTest {
    private static final Period Y = Period.year(2021);

    static Catalog catalog() {
        Indicator cov = Indicator.of("COV", "Wireless coverage", "%", Direction.HIGHER, "0")
                .withParts(
                        List.of(
                                Part.of("3G", "3G", "%", Formula.parse("100 * pop3g / pop")),
                                Part.of("4G", "4G", "%", Formula.parse("100 * pop4g / pop"))
                                        .withRange(0, 100)),
                        "4G",
                        false)
                .withCode("EC: ICT: 1C")
                .withGroups("Economy", "ICT", "Infrastructure")
                .withTier(Tier.CORE)
                .withSdgs(List.of("9.c"))
                .withDocumentation("share covered", "Y.4903 p.12", Map.of("unit", "derived: percent"));
        return Catalog.builder("t", "7")
                .variable(Variable.of("pop", "persons", "population").withRange(0, Double.POSITIVE_INFINITY))
                .variable(Variable.of("pop3g", ""))
                .variable(Variable.of("pop4g", ""))
                .indicator(cov)
                .indicator(Indicator.of("GAP3", "3G gap", "%", Direction.LOWER, "if(pop > 0, 100 - `COV/3G`, na())"))
                .rule(new Rule(
                        "4g-le-pop",
                        "4G at most population",
                        Formula.parse("pop4g <= pop"),
                        null,
                        Rule.Severity.ERROR,
                        "p.3"))
                .build();
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCatalogReadBackHasTheSameDefinitionsAndComputesTheSame() {
        Catalog c = catalog();
        Catalog back = roundTrip(c);
        assertEquals(c.id(), back.id());
        assertEquals(c.version(), back.version());
        assertEquals(c.variables(), back.variables());
        assertEquals(c.indicators(), back.indicators());
        assertEquals(c.rules(), back.rules());
        assertEquals(c.outputs(), back.outputs());
        assertEquals(c.evaluationOrder(), back.evaluationOrder());
        assertEquals("COV", back.output("EC: ICT: 1C").orElseThrow());

        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "pop", 1000);
        b.add("e", Y, "pop3g", 990);
        b.add("e", Y, "pop4g", 1200);
        b.add("f", Y, "pop", 0);
        Dataset d = b.build();
        Results r1 = Engine.create(c).evaluate(d);
        Results r2 = Engine.create(back).evaluate(d);
        for (int row = 0; row < d.rowCount(); row++) {
            for (String o : c.outputs()) {
                assertEquals(r1.get(row, o), r2.get(row, o), o);
            }
        }
        assertEquals(r1.violations().get(0).message(), r2.violations().get(0).message());
    }

    @Test
    void aTargetSetReadBackHasTheSameTargets() {
        Target full = new Target(
                "COV/4G", 95, Optional.of(Period.year(2030)), Optional.of(60.5), Optional.of(Y), "ITU 2030 goal");
        Target plain = Target.of("GAP3", 2.5);
        TargetSet back = roundTrip(TargetSet.of(List.of(full, plain)));
        assertEquals(2, back.size());
        assertEquals(full, back.get("COV/4G").orElseThrow());
        assertEquals(plain, back.get("GAP3").orElseThrow());
        assertEquals(0, roundTrip(TargetSet.empty()).size());
    }

    @Test
    void aCatalogIsOnlyReadThroughItsSerialForm() throws IOException {
        // The stream of a catalog names its serial form, never Catalog's own fields: a stream that
        // claims to hold Catalog's fields directly is refused.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(catalog());
        }
        String stream = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(stream.contains("Catalog$SerialForm"), "serial form class in the stream");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> invokeReadObject(catalog()));
        assertTrue(e.getMessage().contains("serial form"), e.getMessage());
    }

    /** Calls Catalog's private readObject as a stream of its own fields would. */
    private static void invokeReadObject(Catalog c) throws InvalidObjectException {
        try {
            java.lang.reflect.Method m = Catalog.class.getDeclaredMethod("readObject", ObjectInputStream.class);
            m.setAccessible(true);
            m.invoke(c, (Object) null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof InvalidObjectException bad) {
                throw bad;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
